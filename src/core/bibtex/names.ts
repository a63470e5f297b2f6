/**
 * BibTeX name lists (`author`, `editor`) as display names, "First von Last Jr": names are separated by `and`
 * outside braces; `Last, First` and `Last, Jr, First` are turned round, `First von Last` is already in order;
 * a braced name (`{World Health Organization}`) is one name. BibLaTeX's extended form
 * (`family=Cruz, given=Ana, prefix=de la`) is read too. `and others` (et al.) is not a name.
 */
import { latexToText } from './latexText';

const SPACE_RUN = /\s+/g;

/** Splits at commas, or at the word `and`, outside braces. */
function splitTopLevel(raw: string, atAnd: boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (!atAnd && c === ',') {
        parts.push(raw.slice(from, i));
        from = i + 1;
      } else if (
        atAnd &&
        (c === 'a' || c === 'A') &&
        /\s/.test(raw[i - 1] ?? '') &&
        /^and\s/i.test(raw.slice(i, i + 4))
      ) {
        parts.push(raw.slice(from, i - 1));
        from = i + 4;
        i += 3;
      }
    }
  }
  parts.push(raw.slice(from));
  return parts;
}

function text(raw: string): string {
  return latexToText(raw).replace(SPACE_RUN, ' ').trim();
}

const EXTENDED = /^\s*(family|given|prefix|suffix)\s*=\s*(.*)$/is;

function displayName(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.toLowerCase() === 'others') return undefined;
  const parts = splitTopLevel(trimmed, false);
  const extended = parts.map((p) => EXTENDED.exec(p));
  if (extended.every((m) => m)) {
    const get = (k: string) => text(extended.find((m) => m![1]!.toLowerCase() === k)?.[2] ?? '');
    return [get('given'), get('prefix'), get('family'), get('suffix')].filter(Boolean).join(' ') || undefined;
  }
  const [last, second, third] = parts.map(text);
  let name: string;
  if (parts.length === 1) name = last!;
  else if (parts.length === 2) name = [second, last].filter(Boolean).join(' ');
  else name = [third, last, second].filter(Boolean).join(' ');
  return name || undefined;
}

/** The parts of a BibTeX list (`A and {B and C}`), split at `and` outside braces. */
export function splitAtAnd(raw: string): string[] {
  return splitTopLevel(raw, true);
}

export function bibNames(raw: string): string[] {
  return splitTopLevel(raw, true)
    .map(displayName)
    .filter((n): n is string => n !== undefined);
}
