/**
 * The files a LaTeX document pulls in: `\input{…}` and `\include{…}` (a `.tex` added when the name has no
 * extension) and the bibliographies of `\addbibresource{…}`, `\addglobalbib{…}` and `\bibliography{a,b}` (a
 * `.bib` added likewise). Paths are as written, relative to the main file's folder as LaTeX resolves them;
 * commented-out lines do not count. Markdown front matter `bibliography:` (one name or a YAML list) is read
 * by `markdownBibliographies`.
 */
import { maskLatexComments } from './latexMask';

export interface LatexProjectFiles {
  inputs: string[];
  bibliographies: string[];
}

const COMMAND =
  /\\(input|include|subfile|addbibresource|addglobalbib|bibliography)\*?\s*(?:\[[^\]\n]*\]\s*)?\{([^{}]*)\}/g;

const withExtension = (name: string, ext: string): string =>
  /\.[A-Za-z0-9]+$/.test(name) ? name : name + ext;

export function latexProjectFiles(text: string): LatexProjectFiles {
  const inputs: string[] = [];
  const bibliographies: string[] = [];
  for (const m of maskLatexComments(text).matchAll(COMMAND)) {
    const names = m[2]!
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (m[1] === 'input' || m[1] === 'include' || m[1] === 'subfile')
      for (const n of names) inputs.push(withExtension(n, '.tex'));
    else for (const n of names) bibliographies.push(withExtension(n, '.bib'));
  }
  return { inputs: unique(inputs), bibliographies: unique(bibliographies) };
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** `bibliography:` in a Markdown document's YAML front matter. */
export function markdownBibliographies(text: string): string[] {
  const front = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!front) return [];
  const lines = front[1]!.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^bibliography:\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const value = m[1]!.trim();
    if (value.startsWith('[')) out.push(...value.slice(1, -1).split(',').map(unquote).filter(Boolean));
    else if (value) out.push(unquote(value));
    else
      for (let j = i + 1; j < lines.length && /^\s+-\s*/.test(lines[j]!); j++)
        out.push(unquote(lines[j]!.replace(/^\s+-\s*/, '')));
  }
  return unique(out);
}

const unquote = (s: string): string => s.trim().replace(/^(['"])(.*)\1$/, '$2');
