/**
 * Citation keys for papers that have none: readable, ASCII, in the spirit of Better BibTeX's
 * `auth.lower + shorttitle(3,3) + year`:
 *
 * - with an author: first author's last name in lowercase, the title's first three significant words
 *   capitalised, the year when known — `vaswaniAttentionAllYou2017`;
 * - without an author: the three words in lower camel case, then the year when known —
 *   `continuousSpeculativeDecoding`.
 *
 * Significant words skip TITLE_STOP_WORDS (if a title has nothing else, its first words are used). Accents
 * and ligatures are transliterated (ascii.ts); LaTeX accents are decoded first. Keys hold only ASCII
 * letters and digits. A title with no usable letters gives `paper`.
 */
import { toAscii } from './ascii';
import { decodeLatex } from './latexDecode';
import { TITLE_STOP_WORDS } from './stopWords';

interface KeySource {
  title: string;
  authors?: readonly string[];
  year?: number;
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function asciiWords(text: string): string[] {
  return toAscii(decodeLatex(text))
    .replace(/['’ʼ]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** Last name of a "Last, First" or "First Last" name, as lowercase ASCII; '' when nothing is left. */
export function lastNamePart(name: string): string {
  const clean = name.replace(/[{}]/g, '').trim();
  const comma = clean.indexOf(',');
  const family = comma >= 0 ? clean.slice(0, comma) : clean;
  const tokens = family.split(/\s+/).filter(Boolean);
  if (comma < 0) {
    while (tokens.length > 1 && NAME_SUFFIXES.has(tokens.at(-1)!.toLowerCase().replace(/\.$/, '')))
      tokens.pop();
    tokens.splice(0, tokens.length - 1);
  }
  return asciiWords(tokens.join(' ')).join('').toLowerCase();
}

/** The first `count` significant words of a title, ASCII. */
export function shortTitleWords(title: string, count = 3): string[] {
  const words = asciiWords(title);
  const significant = words.filter((w) => !TITLE_STOP_WORDS.has(w.toLowerCase()));
  return (significant.length ? significant : words).slice(0, count);
}

const capitalise = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

export function baseCiteKey(source: KeySource): string {
  const author = source.authors?.length ? lastNamePart(source.authors[0]!) : '';
  const words = shortTitleWords(source.title);
  const year =
    source.year !== undefined && Number.isInteger(source.year) && source.year > 0 ? String(source.year) : '';
  let key: string;
  if (author) key = author + words.map(capitalise).join('');
  else if (words.length) key = words[0]!.toLowerCase() + words.slice(1).map(capitalise).join('');
  else key = 'paper';
  return key + year;
}

/** a, b, …, z, aa, ab, … */
export function collisionSuffix(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * The first free key for `source`: its base key, else base + a, b, … `taken` holds lowercased keys (BibTeX
 * compares keys case-insensitively); the chosen key is added to it.
 */
export function claimCiteKey(source: KeySource, taken: Set<string>): string {
  const base = baseCiteKey(source);
  let key = base;
  for (let i = 0; taken.has(key.toLowerCase()); i++) key = base + collisionSuffix(i);
  taken.add(key.toLowerCase());
  return key;
}
