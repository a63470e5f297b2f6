/**
 * Decodes the LaTeX that plain-text sources carry for accented letters and escaped specials
 * (`Fr\'echet`, `na\"ive`, `{\'e}`, `\c{c}`, `\ss`, `\&`, `\%`) into Unicode. Anything else with a backslash
 * (`\eg`, `\alpha`) is left as it is, to be printed literally by the escaper.
 */

const COMBINING: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

const ESCAPED_SPECIALS = '&%_#${}';

/** A base letter: a plain letter, or a dotless i/j written `\i`/`\j`. */
const BASE = String.raw`(?:\\[ij](?![A-Za-z])|[A-Za-z])`;
const SYMBOL_ACCENT = String.raw`\\(['\x60^"~=.])\s*(?:\{\s*(${BASE})\s*\}|(${BASE}))`;
const LETTER_ACCENT = String.raw`\\([uvHckrdb])(?:\s*\{\s*(${BASE})\s*\}|\s+(${BASE}))`;
/** Like LaTeX, a control word swallows the spaces after it (`\\o ther` is "øther"); `{}` ends it too. */
const LETTER_CMD = String.raw`\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|[ \t]+)?`;
const EMPTY_ARG = String.raw`\\([\^~])\{\}`;
const SPECIAL = String.raw`\\([&%_#$}{])`;
const ANY_COMMAND = `${SYMBOL_ACCENT}|${LETTER_ACCENT}|${LETTER_CMD}|${EMPTY_ARG}|${SPECIAL}`;

/** A command alone in a brace group, `{\'e}` or `{\ss}`, loses the group's braces too. */
const PATTERN = new RegExp(`\\{\\s*(?:${ANY_COMMAND})\\s*\\}|${ANY_COMMAND}`, 'g');

/** `\\i` and `\\j` under an accent are the plain letters: "\\'{\\i}" is "í". */
function baseLetter(base: string): string {
  return base.startsWith('\\') ? base.slice(1) : base;
}

function decodeMatch(groups: (string | undefined)[]): string {
  // Group layout repeats for the braced and the bare alternative: 9 groups each.
  const g = groups.slice(0, 9).some((x) => x !== undefined) ? groups.slice(0, 9) : groups.slice(9, 18);
  const [symAccent, symBraced, symBare, letAccent, letBraced, letBare, letterCmd, emptyArg, special] = g;
  if (symAccent) return (baseLetter((symBraced ?? symBare)!) + COMBINING[symAccent]).normalize('NFC');
  if (letAccent) return (baseLetter((letBraced ?? letBare)!) + COMBINING[letAccent]).normalize('NFC');
  if (letterCmd) return LETTERS[letterCmd]!;
  if (emptyArg) return emptyArg;
  if (special && ESCAPED_SPECIALS.includes(special)) return special;
  return '';
}

export function decodeLatex(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(PATTERN, (...args: unknown[]) => {
    const groups = args.slice(1, 19) as (string | undefined)[];
    return decodeMatch(groups);
  });
}
