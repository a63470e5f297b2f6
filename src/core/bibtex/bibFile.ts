/**
 * Reads the structure of a .bib text: entries, their fields, `@string` macros and `#` concatenation. Field
 * values come back as the raw LaTeX between their delimiters (macros expanded); `latexText.ts` decodes them.
 *
 * Like BibTeX, an entry runs to its balanced closing delimiter and text between entries is ignored (Mendeley's
 * header, `%` lines). Unlike BibTeX, a missing `}` does not swallow the rest of the file. An entry head at the
 * start of a line (`@article{` in column 0) ends an entry that is still open: between fields always; inside a
 * `{…}` or `"…"` value when the value is still open at the next such line (or at the end of the text), so
 * that one BibTeX entry pasted into a note stays part of the note. The broken entry is skipped with a
 * problem naming its line and key, and reading goes on at that line. A syntax error skips its entry the same
 * way, going on at the next entry line. An `@` anywhere else (an escaped `@ARTICLE\{` in an annote, an
 * e-mail address, prose between entries) never starts an entry.
 *
 * Everything here is linear in the text: each entry is scanned at most twice.
 */

export interface BibEntry {
  /** Lower case: `article`, `inproceedings`, … */
  type: string;
  /** As written; '' when the entry has none. */
  key: string;
  /** 1-based line of the `@`. */
  line: number;
  /** Lower-case field names to raw values, in file order; the first of duplicate fields wins. */
  fields: Map<string, string>;
}

export interface BibProblem {
  line: number;
  message: string;
}

export interface BibFile {
  entries: BibEntry[];
  problems: BibProblem[];
}

/** BibTeX's predefined month macros (plain.bst spells them out). */
const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

const HEAD = /@[ \t\n]*([A-Za-z][A-Za-z0-9_:.+-]*)[ \t\n]*([{(])/y;
/** A field or macro name: BibTeX allows most printable characters. */
const NAME = /[^\s"#%'(),={}]+/y;
const KEY = /[^\s,{}()"=#%]*/y;
const DIGITS = /[0-9]+/y;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const QUOTE = 34;
const NEWLINE = 10;
const AT = 64;
const HASH = 35;
const COMMA = 44;
const EQUALS = 61;
const PERCENT = 37;
const BACKSLASH = 92;

/** Thrown inside one entry; the entry is skipped and reading goes on. */
class EntryError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    /** The entry's braces never close (at the end of the text, or before a second head line inside it). */
    readonly unclosed = false,
    /** Where reading goes on: the first head line inside the broken entry. */
    readonly resync?: number,
  ) {
    super(message);
  }
}

export function parseBibFile(text: string): BibFile {
  return new BibReader(text).read();
}

class BibReader {
  private readonly entries: BibEntry[] = [];
  private readonly problems: BibProblem[] = [];
  private readonly strings = new Map<string, string>();
  private readonly undefinedMacros = new Set<string>();
  private lineStarts: number[] | undefined;
  private pos = 0;
  /** The first head line inside the entry being read. */
  private innerHead = -1;
  private entryStart = 0;

  constructor(private readonly text: string) {}

  read(): BibFile {
    const { text } = this;
    let at = text.indexOf('@');
    while (at !== -1) {
      HEAD.lastIndex = at;
      const head = HEAD.exec(text);
      if (!head) {
        at = text.indexOf('@', at + 1);
        continue;
      }
      const type = head[1]!.toLowerCase();
      const closer = head[2] === '{' ? CLOSE_BRACE : 41; // ')'
      this.pos = HEAD.lastIndex;
      this.entryStart = at;
      this.innerHead = -1;
      try {
        if (type === 'comment' || type === 'preamble') this.skipBody(closer);
        else if (type === 'string') this.readStrings(closer);
        else this.readEntry(type, at, closer);
        at = text.indexOf('@', this.pos);
      } catch (e) {
        if (!(e instanceof EntryError)) throw e;
        at = this.recover(e, type, at);
      }
    }
    return { entries: this.entries, problems: this.problems };
  }

  private recover(e: EntryError, type: string, at: number): number {
    const directive = type === 'string' || type === 'comment' || type === 'preamble';
    const key = directive ? '' : this.peekKey(at);
    const name = directive
      ? `@${type}`
      : key
        ? `entry "${key.length > 40 ? `${key.slice(0, 39)}…` : key}"`
        : 'entry';
    const resync = e.resync ?? (this.innerHead !== -1 ? this.innerHead : this.nextHeadLine(e.offset));
    let message: string;
    if (e.unclosed) {
      message =
        resync === undefined
          ? `${name} is not closed by the end of the file: skipped`
          : `${name} is not closed before the entry at line ${this.lineAt(resync)}: skipped; reading goes on there`;
    } else {
      const next =
        resync === undefined ? 'no entry follows' : `reading goes on at line ${this.lineAt(resync)}`;
      message = `${name} skipped: ${e.message} (line ${this.lineAt(e.offset)}); ${next}`;
    }
    this.problems.push({ line: this.lineAt(at), message });
    return resync ?? -1;
  }

  /** The first entry head at the start of a line after `offset`. */
  private nextHeadLine(offset: number): number | undefined {
    const { text } = this;
    for (let nl = text.indexOf('\n@', offset); nl !== -1; nl = text.indexOf('\n@', nl + 1)) {
      HEAD.lastIndex = nl + 1;
      if (HEAD.test(text)) return nl + 1;
    }
    return undefined;
  }

  private peekKey(at: number): string {
    HEAD.lastIndex = at;
    if (!HEAD.exec(this.text)) return '';
    let i = HEAD.lastIndex;
    while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
    KEY.lastIndex = i;
    return KEY.exec(this.text)?.[0] ?? '';
  }

  lineAt(offset: number): number {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * A newline at `nl` followed by an entry head at column 0 inside the entry being read: the first is
   * remembered; at the second the entry is taken as broken where the first one is.
   */
  private noteHeadLine(nl: number): void {
    const next = nl + 1;
    if (this.text.charCodeAt(next) !== AT) return;
    HEAD.lastIndex = next;
    if (!HEAD.test(this.text)) return;
    if (this.innerHead === -1) this.innerHead = next;
    else throw new EntryError(this.entryStart, 'not closed', true, this.innerHead);
  }

  /** The text ended inside an entry: it is broken where the first head line inside it is, if any. */
  private endOfText(): EntryError {
    return new EntryError(
      this.entryStart,
      'not closed',
      true,
      this.innerHead === -1 ? undefined : this.innerHead,
    );
  }

  /** Skips spaces and `%` comments between fields (inside values `%` is text). */
  private skipSpace(): void {
    const { text } = this;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === NEWLINE) {
        // Between fields, an entry head at the start of a line means this entry lost its closing brace.
        if (text.charCodeAt(i + 1) === AT) {
          HEAD.lastIndex = i + 1;
          if (HEAD.test(text)) throw new EntryError(this.entryStart, 'not closed', true, i + 1);
        }
        i++;
      } else if (c === PERCENT) {
        const nl = text.indexOf('\n', i);
        i = nl === -1 ? text.length : nl;
      } else break;
    }
    this.pos = i;
  }

  private skipBody(closer: number): void {
    const { text } = this;
    let depth = 0;
    for (let i = this.pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE) {
        if (depth === 0) {
          if (closer !== CLOSE_BRACE) throw new EntryError(i, 'a "}" without its "{"');
          this.pos = i + 1;
          return;
        }
        depth--;
      } else if (c === closer && depth === 0) {
        this.pos = i + 1;
        return;
      } else if (c === NEWLINE) this.noteHeadLine(i);
    }
    throw this.endOfText();
  }

  private readStrings(closer: number): void {
    this.readFields(closer, (name, value) => {
      this.strings.set(name, value);
    });
  }

  private readEntry(type: string, at: number, closer: number): void {
    const { text } = this;
    this.skipSpace();
    KEY.lastIndex = this.pos;
    let key = KEY.exec(text)![0];
    const afterKey = KEY.lastIndex;
    this.pos = afterKey;
    this.skipSpace();
    const next = text.charCodeAt(this.pos);
    if (next === EQUALS) {
      // No key: `@misc{title = …}`. What was read is the first field's name.
      key = '';
      this.pos = at;
      HEAD.lastIndex = at;
      HEAD.exec(text);
      this.pos = HEAD.lastIndex;
    } else if (next === COMMA) this.pos++;
    else if (next !== closer) throw new EntryError(this.pos, `expected "," after the key "${key}"`);
    const fields = new Map<string, string>();
    const line = this.lineAt(at);
    const duplicates: string[] = [];
    this.readFields(closer, (name, value) => {
      if (fields.has(name)) duplicates.push(name);
      else fields.set(name, value);
    });
    if (duplicates.length) {
      const label = key ? `entry "${key}"` : 'an entry';
      this.problems.push({
        line,
        message: `${label} has the field ${[...new Set(duplicates)].join(', ')} twice: the first is used`,
      });
    }
    this.entries.push({ type, key, line, fields });
  }

  /** `name = value # value, …` up to the closing delimiter; a missing comma between fields is forgiven. */
  private readFields(closer: number, add: (name: string, value: string) => void): void {
    const { text } = this;
    for (;;) {
      this.skipSpace();
      const c = text.charCodeAt(this.pos);
      if (c === closer) {
        this.pos++;
        return;
      }
      if (Number.isNaN(c)) throw this.endOfText();
      if (c === COMMA) {
        this.pos++;
        continue;
      }
      NAME.lastIndex = this.pos;
      const name = NAME.exec(text)?.[0];
      if (!name) throw new EntryError(this.pos, `unexpected "${text[this.pos]}" where a field name belongs`);
      this.pos = NAME.lastIndex;
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== EQUALS) {
        throw new EntryError(this.pos, `expected "=" after the field name "${name}"`);
      }
      this.pos++;
      add(name.toLowerCase(), this.readValue());
    }
  }

  private readValue(): string {
    const { text } = this;
    let value = '';
    for (;;) {
      this.skipSpace();
      const start = this.pos;
      const c = text.charCodeAt(start);
      if (c === OPEN_BRACE) value += this.braced();
      else if (c === QUOTE) value += this.quoted();
      else {
        DIGITS.lastIndex = start;
        const digits = DIGITS.exec(text);
        NAME.lastIndex = start;
        const name = digits ? undefined : NAME.exec(text)?.[0];
        if (digits) {
          value += digits[0];
          this.pos = DIGITS.lastIndex;
        } else if (name) {
          value += this.macro(name, start);
          this.pos = NAME.lastIndex;
        } else if (Number.isNaN(c)) throw this.endOfText();
        else throw new EntryError(start, `unexpected "${text[start]}" where a value belongs`);
      }
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== HASH) return value;
      this.pos++;
    }
  }

  private macro(name: string, at: number): string {
    const lower = name.toLowerCase();
    const value = this.strings.get(lower) ?? MONTHS[lower];
    if (value !== undefined) return value;
    if (!this.undefinedMacros.has(lower)) {
      this.undefinedMacros.add(lower);
      this.problems.push({
        line: this.lineAt(at),
        message: `undefined @string macro "${name}": its name is used as the text`,
      });
    }
    return name;
  }

  /** The text inside a `{…}` value, inner braces kept. */
  private braced(): string {
    const { text } = this;
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE) {
        if (depth === 0) {
          this.pos = i + 1;
          return text.slice(start, i);
        }
        depth--;
      } else if (c === NEWLINE) this.noteHeadLine(i);
    }
    throw this.endOfText();
  }

  /** The text inside a `"…"` value: a `"` inside braces does not end it. */
  private quoted(): string {
    const { text } = this;
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE) {
        if (depth === 0) throw new EntryError(i, 'a "}" without its "{" inside a "…" value');
        depth--;
      } else if (c === QUOTE && depth === 0 && text.charCodeAt(i - 1) !== BACKSLASH) {
        this.pos = i + 1;
        return text.slice(start, i);
      } else if (c === NEWLINE) this.noteHeadLine(i);
    }
    throw this.endOfText();
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
