/**
 * Checks a .bib text the way its users' tools will read it:
 *
 * - `runBibtex`: real BibTeX with plain.bst over every entry (`\citation{*}`); errors and warnings are read
 *   from its .blg log.
 * - `runBiber`: `biber --tool --validate-datamodel`; ERROR lines, "BibTeX subsystem" and duplicate-key
 *   warnings are failures. Datamodel warnings are returned apart, because one of them cannot be avoided
 *   honestly: biblatex wants a date on every entry, and a paper whose source gives no year has none.
 * - `staticCheck`: what neither tool catches — a bare `%` (it silently cuts the field short for LaTeX) or a
 *   bare `& # _ ^` (they break the document later), unbalanced braces, duplicate keys (case-insensitive).
 *   In verbatim fields (url, doi, eprint, file) `_ & ^` are legitimate and only `%` and `#` must be escaped.
 *
 * Each result carries the exact messages, so a failing assertion shows what the tool said.
 * Every run works in its own temporary directory, removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BibtexReport {
  exitCode: number | null;
  errors: string[];
  warnings: string[];
  /** Count from the log's "(There were N error messages)" line. */
  reportedErrorCount: number;
  log: string;
}

export interface BiberReport {
  exitCode: number | null;
  /** ERROR lines, "BibTeX subsystem" and duplicate-key warnings, and any other warning not about the datamodel. */
  errors: string[];
  /** `Datamodel: …` warnings (missing mandatory fields and the like). */
  datamodel: string[];
  log: string;
}

export interface StaticReport {
  problems: string[];
  keys: string[];
}

const TIMEOUT_MS = 120_000;

function withTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bibcheck-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BIBTEX_BOILERPLATE =
  /^(This is BibTeX|Capacity:|Reallocated |The top-level auxiliary file|The style file|Database file #|A level-1 auxiliary file|I'm skipping whatever remains)/;

/** Groups the .blg between the database line and the statistics into warnings and error messages. */
export function parseBlg(log: string): Pick<BibtexReport, 'errors' | 'warnings' | 'reportedErrorCount'> {
  const errors: string[] = [];
  const warnings: string[] = [];
  let last: string[] | undefined;
  for (const line of log.split(/\r?\n/)) {
    if (/^You've used \d+ entr/.test(line)) break;
    if (line.trim() === '' || BIBTEX_BOILERPLATE.test(line)) {
      last = undefined;
      continue;
    }
    const continuation = /^(--line \d+ of file| : |\(Error may have been)/.test(line);
    if (continuation && last && last.length) {
      last[last.length - 1] += `\n${line}`;
    } else if (line.startsWith('Warning--')) {
      warnings.push(line);
      last = warnings;
    } else if (!/^\(There (was|were) /.test(line)) {
      errors.push(line);
      last = errors;
    }
  }
  const count = /\(There (?:was|were) (\d+) error messages?\)/.exec(log);
  return { errors, warnings, reportedErrorCount: count ? Number(count[1]) : 0 };
}

export function runBibtex(bibText: string): BibtexReport {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bibText, 'utf8');
    writeFileSync(join(dir, 'doc.aux'), '\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n', 'utf8');
    const run = spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT_MS });
    if (run.error) throw run.error;
    const log = readFileSync(join(dir, 'doc.blg'), 'utf8');
    return { exitCode: run.status, log, ...parseBlg(log) };
  });
}

export function parseBiberOutput(output: string): Pick<BiberReport, 'errors' | 'datamodel'> {
  const errors: string[] = [];
  const datamodel: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (/^(ERROR|FATAL) - /.test(line)) errors.push(line);
    else if (/^WARN - Datamodel: /.test(line)) datamodel.push(line);
    else if (/^WARN - /.test(line)) errors.push(line);
  }
  return { errors, datamodel };
}

export function runBiber(bibText: string): BiberReport {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bibText, 'utf8');
    const run = spawnSync(
      'biber',
      ['--tool', '--validate-datamodel', '--output-directory', dir, 'refs.bib'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        env: { ...process.env, HOME: dir, TMPDIR: dir },
      },
    );
    if (run.error) throw run.error;
    // Paths inside the temporary directory are made relative, so messages compare equal across runs.
    const log = `${run.stdout}${run.stderr}`
      .split(`${dir}/`)
      .join('')
      .replace(/biber_tmp_\w+\/[0-9a-f]+_\d+\.utf8/g, 'refs.bib (as UTF-8)');
    return { exitCode: run.status, log, ...parseBiberOutput(log) };
  });
}

// ---- static check ----

const KEYLESS = new Set(['string', 'preamble', 'comment']);
const VERBATIM_FIELDS = new Set(['url', 'doi', 'eprint', 'file', 'verba', 'verbb', 'verbc', 'pdf']);

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Characters of `value` that are special to LaTeX and not preceded by an odd number of backslashes. */
function bareSpecials(value: string, specials: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!specials.includes(value[i]!)) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && value[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0)
      found.push(`'${value[i]}' at ${JSON.stringify(value.slice(Math.max(0, i - 20), i + 20))}`);
  }
  return found;
}

/** The end (exclusive) of a balanced `{…}` starting at `open`, or -1. */
function braceEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Parses `name = value, …` in an entry body; values are braced, quoted, numbers or macro names. */
function checkFields(body: string, where: string, problems: string[]): void {
  let pos = 0;
  const skip = (): void => {
    while (pos < body.length && /\s/.test(body[pos]!)) pos++;
  };
  for (;;) {
    skip();
    if (pos >= body.length) return;
    const name = /^[A-Za-z][\w:.+/-]*/.exec(body.slice(pos))?.[0];
    if (!name)
      return void problems.push(
        `${where}: cannot read a field name at ${JSON.stringify(body.slice(pos, pos + 30))}`,
      );
    pos += name.length;
    skip();
    if (body[pos] !== '=') return void problems.push(`${where}: field "${name}" has no "="`);
    pos++;
    for (;;) {
      skip();
      let value: string;
      if (body[pos] === '{') {
        const end = braceEnd(body, pos);
        if (end < 0) return void problems.push(`${where}: unbalanced braces in field "${name}"`);
        value = body.slice(pos + 1, end - 1);
        pos = end;
      } else if (body[pos] === '"') {
        let end = pos + 1;
        let depth = 0;
        while (end < body.length && !(body[end] === '"' && depth === 0)) {
          if (body[end] === '{') depth++;
          if (body[end] === '}') depth--;
          end++;
        }
        value = body.slice(pos + 1, end);
        pos = end + 1;
      } else {
        const token = /^[^\s,#}]+/.exec(body.slice(pos))?.[0];
        if (!token) return void problems.push(`${where}: field "${name}" has no value`);
        value = '';
        pos += token.length;
      }
      const specials = VERBATIM_FIELDS.has(name.toLowerCase()) ? '%#' : '%&#_^';
      for (const bare of bareSpecials(value, specials))
        problems.push(`${where}: bare ${bare} in field "${name}"`);
      skip();
      if (body[pos] === '#') {
        pos++;
        continue;
      }
      break;
    }
    skip();
    if (pos >= body.length) return;
    if (body[pos] !== ',') return void problems.push(`${where}: expected "," after field "${name}"`);
    pos++;
  }
}

export function staticCheck(bibText: string): StaticReport {
  const problems: string[] = [];
  const keys: string[] = [];
  const seen = new Map<string, string>();
  const head = /@\s*([A-Za-z][\w:-]*)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = head.exec(bibText))) {
    const type = match[1]!.toLowerCase();
    const open = head.lastIndex - 1;
    const line = lineOf(bibText, match.index);
    if (type === 'comment') continue;
    const end = braceEnd(bibText, open);
    if (end < 0) {
      problems.push(`line ${line}: @${type} entry never closes (unbalanced braces)`);
      break;
    }
    head.lastIndex = end;
    if (KEYLESS.has(type)) continue;
    const body = bibText.slice(open + 1, end - 1);
    const comma = body.indexOf(',');
    const key = (comma < 0 ? body : body.slice(0, comma)).trim();
    const where = `line ${line} (${key || 'no key'})`;
    if (!key || /[\s{}]/.test(key)) problems.push(`${where}: missing or malformed key`);
    const folded = key.toLowerCase();
    if (seen.has(folded)) problems.push(`${where}: duplicate key (also "${seen.get(folded)}")`);
    seen.set(folded, key);
    keys.push(key);
    if (comma >= 0) checkFields(body.slice(comma + 1), where, problems);
  }
  return { problems, keys };
}

// ---- all together ----

export interface BibValidation {
  bibtex: BibtexReport;
  biber: BiberReport;
  static: StaticReport;
}

export function validateBib(bibText: string): BibValidation {
  return { bibtex: runBibtex(bibText), biber: runBiber(bibText), static: staticCheck(bibText) };
}

/**
 * Everything that makes a .bib unacceptable: bibtex errors and warnings, biber failures, static problems,
 * and biber datamodel warnings other than the missing date of an entry listed in `undatedKeys`.
 */
export function validationFailures(result: BibValidation, undatedKeys: Iterable<string> = []): string[] {
  const undated = new Set(undatedKeys);
  const unexpectedDatamodel = result.biber.datamodel.filter((line) => {
    const m = /Entry '([^']+)' .*Missing mandatory field - one of 'date, year' must be defined/.exec(line);
    return !(m && undated.has(m[1]!));
  });
  return [
    ...result.bibtex.errors.map((m) => `bibtex error: ${m}`),
    ...(result.bibtex.reportedErrorCount > result.bibtex.errors.length
      ? [`bibtex reported ${result.bibtex.reportedErrorCount} errors:\n${result.bibtex.log}`]
      : []),
    ...result.bibtex.warnings.map((m) => `bibtex warning: ${m}`),
    ...result.biber.errors.map((m) => `biber: ${m}`),
    ...unexpectedDatamodel.map((m) => `biber: ${m}`),
    ...result.static.problems.map((m) => `static: ${m}`),
  ];
}
