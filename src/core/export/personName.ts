/**
 * An author string as the readers keep it ("Vaswani, Ashish", "Ashish Vaswani", "Smith JA", "{World Health
 * Organization}") split into the parts RIS, CSV and CSL-JSON want. A heuristic, in BibTeX's spirit:
 *
 * - one comma: "Family, Given" (a Jr/3rd after the given names is the suffix); two: "Family, Jr, Given" (BibTeX) or "Family, Given, Jr" (RIS), told apart by
 *   which part is a suffix; more commas, a name braced whole, or a name that reads as an organisation (a word
 *   such as Consortium, Group, Institute, Organization, University…, "&", " of ") is kept whole;
 * - no comma: the last word is the family name, with the lowercase particles before it ("Vincent van Gogh" →
 *   "van Gogh"); a final Jr/Sr/II/III/3rd… is the suffix; "Smith JA" (MEDLINE's short form: capital initials last)
 *   is family "Smith", given "J. A."; a single word is a family name alone.
 */
import { plainText } from '../bibtex/escape';

export type PersonName =
  { kind: 'person'; family: string; given?: string; suffix?: string } | { kind: 'literal'; literal: string };

const SUFFIXES = /^(?:jr|sr|ii|iii|iv|\d+(?:st|nd|rd|th))\.?$/i;
// prettier-ignore
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'du', 'la', 'le', 'lo',
  'ten', 'ter', 'op', 'zu', 'zur', 'y', 'e', 'al', 'el', 'bin', 'ibn', "d'", "l'",
]);
const ORGANISATION_WORDS =
  /\b(?:consortium|collaboration|collaborative|group|committee|association|organi[sz]ation|institute|institution|university|universit[äé]t?|society|council|network|initiative|foundation|agency|cent(?:er|re)|department|ministry|office|team|project|alliance|federation|board|commission|corporation|company|inc|ltd|llc|gmbh|laborator(?:y|ies)|services?|program(?:me)?|investigators|authors|panel|task force|trust|hospital|school|college|academy|union|registry|partnership|bureau|working party|contributors|developers)\b/i;

/** "Smith JA", "Li X": capital initials after a family name, as MEDLINE's AU and Scopus write them. */
const TRAILING_INITIALS = /^[\p{Lu}]{1,3}$/u;

export function splitName(raw: string): PersonName | undefined {
  const braced = /^\s*\{([^{}]*)\}\s*$/.exec(raw);
  const text = plainText((braced ? braced[1]! : raw).replace(/[{}]/g, '')).replace(/^[,\s]+|[,\s]+$/g, '');
  if (!text) return undefined;
  if (braced || looksLikeOrganisation(text)) return { kind: 'literal', literal: text };
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !p) || parts.length > 3) return { kind: 'literal', literal: text };
  if (parts.length === 2) {
    // "Carson, William E 3rd", "King, Martin Luther Jr.": MEDLINE's FAU puts the suffix after the given names.
    const given = parts[1]!.split(' ');
    const suffix = given.length > 1 && SUFFIXES.test(given.at(-1)!) ? given.pop() : undefined;
    return person(parts[0]!, given.join(' '), suffix);
  }
  if (parts.length === 3) {
    const [family, second, third] = parts as [string, string, string];
    if (SUFFIXES.test(second)) return person(family, third, second);
    if (SUFFIXES.test(third)) return person(family, second, third);
    return { kind: 'literal', literal: text };
  }
  return splitWords(text);
}

function looksLikeOrganisation(text: string): boolean {
  return ORGANISATION_WORDS.test(text) || /&|\sof\s/i.test(text);
}

function person(family: string, given?: string, suffix?: string): PersonName {
  const name: PersonName = { kind: 'person', family };
  if (given) name.given = given;
  if (suffix) name.suffix = suffix;
  return name;
}

function splitWords(text: string): PersonName {
  const words = text.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.test(words.at(-1)!)) suffix = words.pop();
  if (words.length === 1) return person(words[0]!, undefined, suffix);
  const last = words.at(-1)!;
  if (words.length === 2 && TRAILING_INITIALS.test(last) && !TRAILING_INITIALS.test(words[0]!)) {
    return person(words[0]!, [...last].map((c) => `${c}.`).join(' '), suffix);
  }
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase()) && isLower(words[start - 1]!)) start--;
  return person(words.slice(start).join(' '), words.slice(0, start).join(' '), suffix);
}

function isLower(word: string): boolean {
  return word === word.toLowerCase();
}

/** "Family, Given" (", Suffix" after), as RIS's AU and most CSV exports write a person; a literal as it is. */
export function invertedName(name: PersonName): string {
  if (name.kind === 'literal') return name.literal;
  return [name.family, name.given, name.suffix].filter(Boolean).join(', ');
}
