/**
 * The LaTeX of a BibTeX field value as plain text: what a reader of the typeset bibliography would see, with
 * no markup of any kind. Accents and symbols come from `unicode2latex` (the table of Better BibTeX for Zotero,
 * ~4,600 commands in text and math mode): `{\"u}` → ü, `\v c` → č, `{\c{C}}` → Ç, `M\aa nsson` → Månsson
 * (a control word swallows the spaces after it, as in TeX), `$\alpha$-tests` → α-tests, `$10^{-3}$` → 10⁻³.
 *
 * - Braces disappear; `--`/`---` are dashes, ` `` `/`''` curly quotes (a single ` or ' stays); `~` a space.
 * - `<` and `>` stay `<` and `>` (TeX's OT1 fonts print them as ¡ ¿, which no author means).
 * - Formatting (`\emph`, `\textbf`, `\textsc`, `\textsuperscript` without a Unicode form, …) keeps only its
 *   text; `\href{url}{text}` is its text, `\url{u}` the address as text. Nothing becomes HTML.
 * - A command this table does not know is kept as written when it stands alone (`\foo`), and dropped when a
 *   group follows it (`\foo{text}` → text), so the text is never lost.
 */
import { combining, latex2unicode } from 'unicode2latex';

type Mode = 'text' | 'math';

const TABLE = latex2unicode as Readonly<
  Record<string, string | { text?: string; math?: string } | undefined>
>;

/** Accent commands → combining mark; the table's `\hat` is a wedge, and `\b`, `\t` are missing. */
const ACCENTS = new Map<string, string>([
  ...Object.entries(combining.tounicode as Record<string, string>).filter(([, mark]) =>
    /^\p{M}+$/u.test(mark),
  ),
  ['hat', '\u0302'],
  ['widehat', '\u0302'],
  ['b', '\u0331'],
  ['t', '\u0361'],
]);
/** `\^{}` and `\~{}` are how BibTeX files write a literal circumflex and tilde. */
const SPACING_ACCENTS = new Map(
  Object.entries({ '^': '^', '~': '~', '"': '¨', "'": '´', '`': '`', '=': '¯' }),
);

/** Commands whose argument is the text itself (font, case protection, boxes). */
const KEEP_ARGUMENT = new Set([
  'emph',
  'textit',
  'textbf',
  'textsl',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'textmd',
  'textnormal',
  'textsw',
  'mathrm',
  'mathit',
  'mathbf',
  'mathsf',
  'mathtt',
  'mathnormal',
  'boldsymbol',
  'bm',
  'pmb',
  'mbox',
  'hbox',
  'fbox',
  'text',
  'underline',
  'uline',
  'mkbibemph',
  'mkbibitalic',
  'mkbibbold',
  'NoCaseChange',
  'nocase',
  'nocap',
  'autocap',
  'ensuremath',
  'operatorname',
  'lowercase',
  'uppercase',
  'MakeLowercase',
  'MakeUppercase',
  'MakeTextLowercase',
  'MakeTextUppercase',
  'textsuperscript',
  'textsubscript',
  'enquote',
  'mkbibquote',
  'foreignlanguage',
]);
/** Commands whose argument prints nothing (spacing, sorting and index helpers). */
const DROP_ARGUMENT = new Set([
  'vphantom',
  'hphantom',
  'phantom',
  'label',
  'index',
  'noopsort',
  'sortkey',
  'hyphenation',
  'nocite',
  'thanks',
  'vspace',
  'arabic',
  'bibstring',
  'begin',
  'end',
]);
const SPACE_ARGUMENT = new Set(['hspace', 'hskip', 'kern', 'hfill']);
const CITE = /^(?:cite|citep|citet|citeauthor|citeyear|parencite|textcite|autocite|footcite|citealp)$/;
/** Declarations (`{\em text}`), spacing and glue: nothing of their own to print. */
const SILENT = new Set([
  'em',
  'it',
  'bf',
  'sc',
  'rm',
  'sf',
  'tt',
  'sl',
  'up',
  'md',
  'itshape',
  'bfseries',
  'scshape',
  'upshape',
  'mdseries',
  'slshape',
  'rmfamily',
  'sffamily',
  'ttfamily',
  'normalfont',
  'tiny',
  'scriptsize',
  'footnotesize',
  'small',
  'normalsize',
  'large',
  'Large',
  'LARGE',
  'huge',
  'Huge',
  'relax',
  'protect',
  'ignorespaces',
  'unskip',
  'nobreak',
  'allowbreak',
  'xspace',
  'noindent',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'limits',
  'nolimits',
  'selectlanguage',
  'cyrchar',
]);
const WORDS = new Map<string, string>(
  Object.entries({
    TeX: 'TeX',
    LaTeX: 'LaTeX',
    LaTeXe: 'LaTeX2ε',
    BibTeX: 'BibTeX',
    XeTeX: 'XeTeX',
    hyphen: '-',
    slash: '/',
    par: '\n\n',
    item: ' ',
    newline: ' ',
    linebreak: ' ',
    break: ' ',
    quad: ' ',
    qquad: ' ',
    '-': '',
    '/': '',
    '@': '',
    '!': '',
    ' ': ' ',
    ',': ' ',
    ';': ' ',
    ':': ' ',
    '>': ' ',
    '\\': ' ',
  }),
);

/** Anything here means the value needs decoding; plain text is returned as it is. */
const NEEDS_DECODING = /[\\{}$~^_]|--|``|''/;
const PLAIN_RUN = /[^\\{}$~^_`'-]+/y;
const CONTROL_WORD = /[A-Za-z]+/y;
const SCRIPTABLE = /^[0-9+\-=() ]+$/;
/** Better BibTeX writes a case-protected part of a title as `\{\vphantom\}{{II}}\vphantom\{\}`. */
const VPHANTOM_BRACES = /\\\{\\vphantom\\\}|\\vphantom\\\{\\\}/g;
const SPACES = /[ \t\n]*/y;

export function latexToText(value: string): string {
  if (!NEEDS_DECODING.test(value)) return value;
  const text = value.includes('\\vphantom') ? value.replace(VPHANTOM_BRACES, '') : value;
  return new Decoder(text).sequence('text', false).normalize('NFC');
}

function lookup(latex: string, mode: Mode): string | undefined {
  const hit = TABLE[latex];
  if (hit === undefined) return undefined;
  let text = typeof hit === 'string' ? hit : (hit[mode] ?? hit.text ?? hit.math);
  if (text === undefined) return undefined;
  if (text.includes('\u200B')) text = text.replace(/\u200B/g, '');
  // The table gives Greek letters in math mode as mathematical italics (𝜇): plain text wants μ.
  const cp = text.codePointAt(0)!;
  if (cp >= 0x1d6a8 && cp <= 0x1d7cb && text.length === 2) text = text.normalize('NFKC');
  return text;
}

function withMark(base: string, mark: string): string {
  const first = String.fromCodePoint(base.codePointAt(0)!);
  return (first + mark + base.slice(first.length)).normalize('NFC');
}

class Decoder {
  private i = 0;
  /** Decoding the argument of an accent: `\i` and `\j` are the base letters i and j there. */
  private accentBase = false;

  constructor(private readonly s: string) {}

  /** Reads to the end, or to the `}` closing the group (`inGroup`), or to the end of math mode. */
  sequence(mode: Mode, inGroup: boolean): string {
    const s = this.s;
    let out = '';
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '\\') {
        const next = s[this.i + 1];
        if (mode === 'math' && !inGroup && (next === ')' || next === ']')) {
          this.i += 2;
          return out;
        }
        out += this.command(mode);
      } else if (c === '{') {
        this.i++;
        out += this.sequence(mode, true);
      } else if (c === '}') {
        this.i++;
        if (inGroup) return out;
      } else if (c === '$') {
        this.i++;
        if (mode === 'math') {
          if (s[this.i] === '$') this.i++;
          if (!inGroup) return out;
        } else {
          if (s[this.i] === '$') this.i++;
          out += this.sequence('math', false);
        }
      } else if (c === '~') {
        this.i++;
        out += ' ';
      } else if ((c === '^' || c === '_') && mode === 'math') {
        this.i++;
        out += this.script(c, this.argument(mode));
      } else if (mode === 'text' && (c === '-' || c === '`' || c === "'")) {
        out += this.ligature(c);
      } else {
        PLAIN_RUN.lastIndex = this.i;
        const run = PLAIN_RUN.exec(s);
        if (run) {
          out += run[0];
          this.i = PLAIN_RUN.lastIndex;
        } else {
          out += c;
          this.i++;
        }
      }
    }
    return out;
  }

  private ligature(c: string): string {
    const s = this.s;
    if (c === '-') {
      if (s.startsWith('---', this.i)) return this.take(3, '—');
      if (s.startsWith('--', this.i)) return this.take(2, '–');
      return this.take(1, '-');
    }
    if (s[this.i + 1] === c) return this.take(2, c === '`' ? '“' : '”');
    // A single ` or ' stays as written: turning only one of a pair into a curly quote would mismatch them.
    return this.take(1, c);
  }

  private take(n: number, text: string): string {
    this.i += n;
    return text;
  }

  /** One macro argument: a group, a control sequence, or one character (spaces before it skipped). */
  private argument(mode: Mode): string {
    const s = this.s;
    SPACES.lastIndex = this.i;
    SPACES.exec(s);
    this.i = SPACES.lastIndex;
    const c = s[this.i];
    if (c === undefined || c === '}') return '';
    if (c === '{') {
      this.i++;
      return this.sequence(mode, true);
    }
    if (c === '\\') return this.command(mode);
    const cp = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += cp.length;
    return cp;
  }

  /** The raw text of a `{…}` argument (for `\url`), or undefined when none follows. */
  private rawArgument(): string | undefined {
    const s = this.s;
    SPACES.lastIndex = this.i;
    SPACES.exec(s);
    if (s[SPACES.lastIndex] !== '{') return undefined;
    let depth = 0;
    for (let j = SPACES.lastIndex; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) {
        const raw = s.slice(SPACES.lastIndex + 1, j);
        this.i = j + 1;
        return raw;
      }
    }
    return undefined;
  }

  /** `[…]` optional arguments (of `\\`, `\cite`, …) are skipped. */
  private skipOptional(): void {
    const s = this.s;
    while (s[this.i] === '[') {
      const close = s.indexOf(']', this.i);
      if (close === -1) return;
      this.i = close + 1;
    }
  }

  /** Unicode super- or subscripts when every character has one; else `x^T` in math, the text itself outside. */
  private script(c: '^' | '_', arg: string, fallback = `${c}${arg}`): string {
    // Digits and signs only (10⁻³, TiO₂) or one letter (ℝⁿ): superscript letters would hide words from search.
    if (!SCRIPTABLE.test(arg) && [...arg].length !== 1) return fallback;
    let mapped = '';
    for (const ch of arg) {
      const one = lookup(`${c}{${ch}}`, 'math');
      if (one === undefined) return fallback;
      mapped += one;
    }
    return mapped;
  }

  private command(mode: Mode): string {
    const s = this.s;
    CONTROL_WORD.lastIndex = this.i + 1;
    const word = CONTROL_WORD.exec(s);
    let name: string;
    let spaced = false;
    if (word) {
      name = word[0];
      this.i = CONTROL_WORD.lastIndex;
      SPACES.lastIndex = this.i;
      spaced = SPACES.exec(s)![0].length > 0;
      this.i = SPACES.lastIndex;
    } else if (this.i + 1 < s.length) {
      name = String.fromCodePoint(s.codePointAt(this.i + 1)!);
      this.i += 1 + name.length;
    } else {
      this.i++;
      return '';
    }
    return this.expand(name, mode, spaced);
  }

  private expand(name: string, mode: Mode, spaced: boolean): string {
    const takesArgument =
      KEEP_ARGUMENT.has(name) || DROP_ARGUMENT.has(name) || SPACE_ARGUMENT.has(name) || CITE.test(name);
    if (takesArgument && this.s[this.i] === '*') this.i++; // \enquote*{…}, \vspace*{…}
    if ((name === 'i' || name === 'j') && this.accentBase) return name;
    const mark = ACCENTS.get(name);
    if (mark !== undefined && mode === 'math' && name.length > 1) {
      // \bar{x}: the mark on its argument; a bare or empty \overline is the mark on what precedes it.
      SPACES.lastIndex = this.i;
      SPACES.exec(this.s);
      const base = this.s[SPACES.lastIndex] === '{' ? this.argument(mode) : '';
      return base ? withMark(base, mark) : mark;
    }
    if (mark !== undefined) {
      const outer = this.accentBase;
      this.accentBase = true;
      const base = this.argument(mode);
      this.accentBase = outer;
      if (!base) return SPACING_ACCENTS.get(name) ?? '';
      return withMark(base, mark);
    }
    if (name === '\\') {
      if (this.s[this.i] === '*') this.i++;
      this.skipOptional();
      return ' ';
    }
    const word = WORDS.get(name);
    if (word !== undefined) return word;
    if (name === '(' || name === '[') return this.sequence('math', false);
    if (KEEP_ARGUMENT.has(name)) return this.keepArgument(name, mode);
    if (DROP_ARGUMENT.has(name)) {
      this.argument(mode);
      return '';
    }
    if (SPACE_ARGUMENT.has(name)) {
      this.argument(mode);
      return ' ';
    }
    if (CITE.test(name)) {
      this.skipOptional();
      this.rawArgument();
      return '';
    }
    if (name === 'url' || name === 'doi' || name === 'path') {
      return (this.rawArgument() ?? '').replace(/\\([_%&#$~])/g, '$1');
    }
    if (name === 'href') {
      this.rawArgument();
      return this.argument(mode);
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const a = this.argument(mode);
      const b = this.argument(mode);
      return lookup(`\\frac{${a}}{${b}}`, mode) ?? `${a}/${b}`;
    }
    if (name === 'sqrt') {
      this.skipOptional();
      const a = this.argument(mode);
      return [...a].length > 1 ? `√(${a})` : `√${a}`;
    }
    if (name === 'cyrchar') {
      const at = this.i;
      CONTROL_WORD.lastIndex = this.i + 1;
      const next = this.s[this.i] === '\\' ? CONTROL_WORD.exec(this.s) : null;
      const hit = next ? lookup(`\\cyrchar\\${next[0]}`, mode) : undefined;
      if (hit !== undefined) {
        this.i = CONTROL_WORD.lastIndex;
        return hit;
      }
      this.i = at;
      return '';
    }
    if (name === 'ElsevierGlyph') {
      const code = parseInt(this.rawArgument() ?? '', 16);
      return Number.isFinite(code) ? String.fromCodePoint(code) : '';
    }
    const symbol = lookup(`\\${name}`, mode);
    // TeX drops the spaces after a control word; in math they only ever separated symbols, so keep them.
    if (symbol !== undefined) return spaced && mode === 'math' ? `${symbol} ` : symbol;
    // Commands the table knows with their argument only: \mathbb{R}, \ding{73}, \textsuperscript{2}.
    const at = this.i;
    const raw = this.rawArgument();
    if (raw !== undefined) {
      const hit = lookup(`\\${name}{${raw}}`, mode);
      if (hit !== undefined) return hit;
      this.i = at;
    }
    if (SILENT.has(name)) return '';
    if (this.s[this.i] === '{') return '';
    return `\\${name}${spaced ? ' ' : ''}`;
  }

  private keepArgument(name: string, mode: Mode): string {
    const argMode: Mode =
      name === 'ensuremath' ? 'math' : name === 'text' || name === 'mbox' || name === 'hbox' ? 'text' : mode;
    const at = this.i;
    const raw = this.rawArgument();
    if (raw !== undefined) {
      const hit = lookup(`\\${name}{${raw}}`, argMode);
      if (hit !== undefined) return hit;
      this.i = at;
    }
    const arg = this.argument(argMode);
    switch (name) {
      case 'uppercase':
      case 'MakeUppercase':
      case 'MakeTextUppercase':
        return arg.toUpperCase();
      case 'lowercase':
      case 'MakeLowercase':
      case 'MakeTextLowercase':
        return arg.toLowerCase();
      case 'textsuperscript':
        return this.script('^', arg, arg);
      case 'textsubscript':
        return this.script('_', arg, arg);
      case 'enquote':
      case 'mkbibquote':
        return `“${arg}”`;
      case 'foreignlanguage':
        // \foreignlanguage{language}{text}: the first argument was the language.
        return this.argument(argMode);
      default:
        return arg;
    }
  }
}
