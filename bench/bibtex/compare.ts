/**
 * Compares BibTeX readers for correctness and speed: the figures behind the BibTeX choice in
 * src/core/readers/README.md. Not part of the test suite or of `npm run bench`.
 *
 *   npm install --prefix bench/bibtex --no-audit --no-fund     # the candidates (bench/bibtex/package.json)
 *   node --conditions=import --import tsx bench/bibtex/compare.ts [--runs 3] [--no-bundle] [--only name,…]
 *
 * Each candidate turns a .bib text into records (key, title, authors, abstract, venue) and messages. Checked:
 * the accents of the real files (names that must come out decoded), TeX or HTML left in the text, `@string`
 * with `#`, month macros, an unbalanced entry (are the entries after it read, and does a message name its
 * line and key?), the `Seljebotn2009` trap, `<`/`>`, `\href{javascript:…}`, `\emph`/`\textsuperscript`;
 * speed on big-library-7166.bib and on real-bibliography.bib repeated under new keys to ~6.5 MB (median of
 * --runs after one warm-up; once for a reader slower than 5 s); the size of an esbuild browser bundle (minified, gzip) of a one-line entry point.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { parseBibFile, type BibEntry } from '../../src/core/bibtex/bibFile';
import { latexToText } from '../../src/core/bibtex/latexText';
import { bibNames } from '../../src/core/bibtex/names';
import type { ReadWarning } from '../../src/core/model/paper';
import { bibtexRecords } from '../../src/core/readers/bibtex';
import { repeatedBib } from './repeated';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const corpora = join(root, 'test/fixtures/corpora');

interface Rec {
  key: string;
  title: string;
  authors: string[];
  abstract: string;
  venue: string;
}
interface Out {
  records: Rec[];
  messages: string[];
}
interface Candidate {
  name: string;
  read: (text: string) => Out;
  /** The entry point esbuild bundles for the size figure. */
  bundle: string;
  /** Loaded on first use (the candidates outside package.json live in bench/bibtex/node_modules). */
  load?: () => Promise<void>;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const runs = Number(option('runs') ?? 3);
const only = option('only')?.split(',');
const withBundle = !process.argv.includes('--no-bundle');

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : '');

interface Creator {
  name?: string;
  firstName?: string;
  lastName?: string;
  prefix?: string;
  suffix?: string;
}
type RetorquereParse = (
  text: string,
  options: object,
) => { entries: { key: string; fields: Record<string, unknown> }[]; errors: { error: string }[] };
let retorquereParse: RetorquereParse;
const loadRetorquere = async (): Promise<void> => {
  retorquereParse = ((await load('@retorquere/bibtex-parser')) as { parse: RetorquereParse }).parse;
};

function creator(c: Creator): string {
  return c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');
}

function retorquere(options: Record<string, unknown>): (text: string) => Out {
  return (text) => {
    const lib = retorquereParse(text, {
      english: false,
      sentenceCase: false,
      caseProtection: false,
      ...options,
    });
    return {
      records: lib.entries.map((e) => ({
        key: e.key,
        title: str(e.fields.title),
        authors: ((e.fields.author ?? e.fields.editor ?? []) as Creator[]).map((c) =>
          typeof c === 'string' ? c : creator(c),
        ),
        abstract: str(e.fields.abstract),
        venue: str(e.fields.journal ?? e.fields.journaltitle ?? e.fields.booktitle),
      })),
      messages: lib.errors.map((err) => err.error),
    };
  };
}

/** Our scanner, with a library decoding only the fields a reader of papers uses. */
function hybrid(decode: (value: string, field: string) => string, names: (value: string) => string[]) {
  return (text: string): Out => {
    const { entries, problems } = parseBibFile(text);
    return {
      records: entries.map((e: BibEntry) => {
        const get = (f: string) => {
          const v = e.fields.get(f);
          return v === undefined ? '' : decode(v, f);
        };
        const people = e.fields.get('author') ?? e.fields.get('editor');
        return {
          key: e.key,
          title: get('title'),
          authors: people ? names(people) : [],
          abstract: get('abstract'),
          venue: get('journal') || get('journaltitle') || get('booktitle'),
        };
      }),
      messages: problems.map((p) => `line ${p.line}: ${p.message}`),
    };
  };
}

/** A candidate by name: typed loosely, since the candidates are not installed with the project. */
const load = (specifier: string): Promise<unknown> => import(specifier);

let citationJsChain: ((text: string) => Record<string, unknown>[]) | undefined;
let citationJsValue: ((value: string, field: string) => unknown) | undefined;
let retorquere7: ((text: string, options: object) => { entries: unknown[]; errors: unknown[] }) | undefined;
let fidus:
  | ((text: string) => { entries: Record<string, unknown>; errors: unknown[]; warnings: unknown[] })
  | undefined;

type Csl = { title?: string; author?: { given?: string; family?: string; literal?: string }[] } & Record<
  string,
  unknown
>;

function nodesText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return nodes.map((n: { text?: string }) => n.text ?? '').join('');
}

const CANDIDATES: Candidate[] = [
  {
    name: 'ours: bibFile + latexText (unicode2latex table)',
    read: hybrid((v) => latexToText(v).replace(/\s+/g, ' ').trim(), bibNames),
    bundle: `import { bibtexRecords } from ${JSON.stringify(join(root, 'src/core/readers/bibtex.ts'))}; console.log(bibtexRecords);`,
  },
  {
    name: 'ours, whole reader (papers with ids)',
    read: (text) => {
      const warnings: ReadWarning[] = [];
      const papers = bibtexRecords(text, 'x.bib', warnings);
      return {
        records: papers.map((p) => ({
          key: p.citationKey ?? '',
          title: p.title,
          authors: p.authors ?? [],
          abstract: p.abstract,
          venue: p.venue ?? '',
        })),
        messages: warnings.map((w) => `line ${w.line}: ${w.message}`),
      };
    },
    bundle: `import { bibtexRecords } from ${JSON.stringify(join(root, 'src/core/readers/bibtex.ts'))}; console.log(bibtexRecords);`,
  },
  {
    name: '@retorquere/bibtex-parser 9.0.29 (as used before)',
    load: loadRetorquere,
    read: retorquere({ unsupported: (_node: unknown, tex: string) => tex }),
    bundle: `import { parse } from '@retorquere/bibtex-parser'; console.log(parse);`,
  },
  {
    name: '@retorquere/bibtex-parser 9.0.29 raw (no LaTeX decoding)',
    load: loadRetorquere,
    read: retorquere({ raw: true }),
    bundle: `import { parse } from '@retorquere/bibtex-parser'; console.log(parse);`,
  },
  {
    name: '@retorquere/bibtex-parser 7.0.16',
    load: async () => {
      const m = (await import(join(here, 'node_modules/bibtex-parser-7/index.js'))) as {
        parse: typeof retorquere7;
        default?: { parse: typeof retorquere7 };
      };
      retorquere7 = m.parse ?? m.default?.parse;
    },
    read: (text) => {
      const lib = retorquere7!(text, {
        sentenceCase: false,
        caseProtection: false,
        errorHandler: () => {},
      }) as {
        entries: { key: string; fields: Record<string, string[]>; creators: Record<string, Creator[]> }[];
        errors: { message: string; line?: number }[];
      };
      return {
        records: lib.entries.map((e) => ({
          key: e.key,
          title: str(e.fields.title),
          authors: (e.creators.author ?? e.creators.editor ?? []).map((c) =>
            (c as { literal?: string }).literal ? (c as { literal: string }).literal : creator(c),
          ),
          abstract: str(e.fields.abstract),
          venue: str(e.fields.journal ?? e.fields.journaltitle ?? e.fields.booktitle),
        })),
        messages: lib.errors.map((err) => `line ${err.line}: ${err.message}`),
      };
    },
    bundle: `import { parse } from ${JSON.stringify(join(here, 'node_modules/bibtex-parser-7/index.js'))}; console.log(parse);`,
  },
  {
    name: '@citation-js/plugin-bibtex 0.9.0 (to CSL)',
    load: async () => {
      // Bare specifiers, so that the plugin registers with the same copy of the core.
      const core = (await load('@citation-js/core')) as {
        plugins: { input: { chain: (t: string, o: object) => Record<string, unknown>[] } };
      };
      await load('@citation-js/plugin-bibtex');
      citationJsChain = (t) =>
        core.plugins.input.chain(t, { target: '@csl/list+object', generateGraph: false });
    },
    read: (text) => {
      const messages: string[] = [];
      const warn = console.warn;
      console.warn = (...a: unknown[]) => messages.push(a.map(String).join(' '));
      let items: Csl[] = [];
      try {
        items = citationJsChain!(text) as Csl[];
      } catch (e) {
        messages.push(`threw: ${(e as Error).message}`);
      } finally {
        console.warn = warn;
      }
      return {
        records: items.map((c) => ({
          key: str(c['citation-key'] ?? c.id),
          title: str(c.title),
          authors: (c.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')),
          abstract: str(c.abstract),
          venue: str(c['container-title']),
        })),
        messages,
      };
    },
    bundle: `import { plugins } from '@citation-js/core'; import '@citation-js/plugin-bibtex'; console.log(plugins);`,
  },
  {
    name: 'hybrid: bibFile + citation-js value decoder',
    load: async () => {
      await load('@citation-js/plugin-bibtex');
      const value = (await load('@citation-js/plugin-bibtex/lib/input/value.js')) as {
        parse: (v: string, f: string) => unknown;
      };
      citationJsValue = value.parse;
    },
    read: hybrid(
      (v, f) => {
        try {
          return str(citationJsValue!(v, f));
        } catch {
          return v;
        }
      },
      (v) => {
        try {
          const names = citationJsValue!(v, 'author') as {
            given?: string;
            family?: string;
            literal?: string;
          }[];
          return names.map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '));
        } catch {
          return [v];
        }
      },
    ),
    bundle: `import '@citation-js/plugin-bibtex'; import { parse } from '@citation-js/plugin-bibtex/lib-mjs/input/value.js'; console.log(parse);`,
  },
  {
    name: 'hybrid: bibFile + retorquere 9.0.29 on the used fields only',
    load: loadRetorquere,
    read: hybrid(
      (v, f) => {
        const lib = retorquereParse(`@misc{k, ${f} = {${v}}}`, {
          english: false,
          sentenceCase: false,
          caseProtection: false,
          unsupported: (_n: unknown, tex: string) => tex,
        });
        return str(lib.entries[0]?.fields[f]);
      },
      (v) => {
        const lib = retorquereParse(`@misc{k, author = {${v}}}`, { english: false, sentenceCase: false });
        return ((lib.entries[0]?.fields.author ?? []) as Creator[]).map(creator);
      },
    ),
    bundle: `import { parse } from '@retorquere/bibtex-parser'; console.log(parse);`,
  },
  {
    name: 'biblatex-csl-converter 3.6.0 (LGPL-3.0)',
    load: async () => {
      const m = (await import(join(here, 'node_modules/biblatex-csl-converter/lib/index.js'))) as {
        parse: typeof fidus;
      };
      fidus = m.parse;
    },
    read: (text) => {
      const lib = fidus!(text);
      const entries = Object.values(lib.entries) as {
        entry_key: string;
        fields: Record<string, unknown>;
      }[];
      return {
        records: entries.map((e) => ({
          key: e.entry_key,
          title: nodesText(e.fields.title),
          authors: ((e.fields.author ?? e.fields.editor ?? []) as Record<string, unknown>[]).map((n) =>
            n.literal
              ? nodesText(n.literal)
              : [nodesText(n.given), nodesText(n.prefix), nodesText(n.family)].filter(Boolean).join(' '),
          ),
          abstract: nodesText(e.fields.abstract),
          venue: nodesText(e.fields.journaltitle ?? e.fields.booktitle),
        })),
        messages: [...lib.errors, ...lib.warnings].map((w) => JSON.stringify(w)),
      };
    },
    bundle: `import { parse } from ${JSON.stringify(join(here, 'node_modules/biblatex-csl-converter/lib/index.js'))}; console.log(parse);`,
  },
];

// ---- inputs ----

const real = readFileSync(join(corpora, 'real-bibliography.bib'), 'utf8');
const examples = readFileSync(join(corpora, 'more/biblatex-examples.bib'), 'utf8');
const big = readFileSync(join(root, 'test/fixtures/large/big-library-7166.bib'), 'utf8');

const repeated = repeatedBib(real);

const EXPECTED_NAMES: [string, string, string[]][] = [
  [
    'real-bibliography.bib',
    real,
    ['Démosthène Mitrossilis', 'François Postic', 'Raphaël Voituriez', 'Claudia Umaña-Diaz', 'Alf Månsson'],
  ],
  [
    'biblatex-examples.bib',
    examples,
    ['Özge Aksın', 'Bekir Çetinkaya', 'Orhan Büyükgüngör', 'Hayati Türkmen', 'Intentionalität', 'Über die'],
  ],
  ['big-library-7166.bib', big, ['Gačević', 'Vučković', 'Gradečak', 'Morkoç', 'Kılıç', 'Vásquez-Sancho']],
];

const SYNTHETIC = {
  strings:
    '@string{jn = "Journal of Tests"}\n@article{k1, title = {T}, journal = jn # " (Series A)", month = nov, year = 2021}\n',
  unbalanced: '@article{a, title={Unclosed\n\n@article{b, title={Fine}}\n@article{c, title={Also fine}}\n',
  angle: '@article{k, title = {a < b > c}}\n',
  href: '@article{k, title = {See $\\href{javascript:alert(1)}{click}$ here}}\n',
  markup: '@article{k, title = {An \\emph{in vivo} study of x\\textsuperscript{2} in \\textsc{Abc}}}\n',
};

function safeRead(c: Candidate, text: string): Out | string {
  try {
    return c.read(text);
  } catch (e) {
    return `threw: ${(e as Error).message.split('\n')[0]!.slice(0, 80)}`;
  }
}

function checks(c: Candidate): Record<string, string> {
  const row: Record<string, string> = {};
  const counts: string[] = [];
  let accentsOk = 0;
  let accentsAll = 0;
  const missing: string[] = [];
  let leftTex = 0;
  for (const [file, text, names] of EXPECTED_NAMES) {
    const out = safeRead(c, text);
    if (typeof out === 'string') {
      counts.push(`${file}: ${out}`);
      continue;
    }
    const threw = out.messages.find((m) => m.startsWith('threw'));
    counts.push(
      threw && !out.records.length
        ? `0 (${threw.split('\n')[0]!.slice(0, 50)}…)`
        : String(out.records.length),
    );
    const haystack = out.records.map((r) => [r.title, ...r.authors].join('\n')).join('\n');
    for (const n of names) {
      accentsAll++;
      if (haystack.normalize('NFC').includes(n)) accentsOk++;
      else missing.push(n);
    }
    if (file !== 'big-library-7166.bib') {
      // big-library has TeX its exporter escaped twice (`Garc\textbackslash{}'ia`): it is text there.
      for (const r of out.records) {
        for (const s of [r.title, r.abstract, r.venue, ...r.authors]) {
          if (/[\\{}]|<\/?(?:i|b|sup|sub|span|a)[ >]/.test(s.replace(/<p><br\/>/, ''))) leftTex++;
        }
      }
    }
  }
  row.entries = counts.join(' / ');
  row.accents = `${accentsOk}/${accentsAll}${missing.length ? ` (not: ${missing.join(', ')})` : ''}`;
  row.tex_or_html_left = String(leftTex);

  const seljebotn = safeRead(c, real);
  row.seljebotn =
    typeof seljebotn !== 'string' &&
    seljebotn.records.some((r) => r.key === 'Seljebotn2009') &&
    !seljebotn.records.some((r) => r.title.startsWith('Cython: The Best of Both Worlds'))
      ? 'ok'
      : 'WRONG';

  const s = safeRead(c, SYNTHETIC.strings);
  row.string_concat_month =
    typeof s !== 'string' && s.records[0]?.venue === 'Journal of Tests (Series A)'
      ? s.messages.length
        ? `ok, ${s.messages.length} message(s)`
        : 'ok'
      : `WRONG (${typeof s === 'string' ? s : JSON.stringify(s.records[0]?.venue)})`;

  const u = safeRead(c, SYNTHETIC.unbalanced);
  if (typeof u === 'string') row.unbalanced = u;
  else {
    const keys = u.records.map((r) => r.key).join(',');
    const named = u.messages.some((m) => /\ba\b/.test(m) && /\b1\b/.test(m));
    row.unbalanced = `read ${keys || 'nothing'}; ${named ? 'names line 1 and "a"' : u.messages.length ? 'message without line/key' : 'no message'}`;
  }

  const a = safeRead(c, SYNTHETIC.angle);
  row.angle_brackets = typeof a === 'string' ? a : JSON.stringify(a.records[0]?.title);
  const h = safeRead(c, SYNTHETIC.href);
  row.href = typeof h === 'string' ? h : JSON.stringify(h.records[0]?.title);
  const m = safeRead(c, SYNTHETIC.markup);
  row.markup = typeof m === 'string' ? m : JSON.stringify(m.records[0]?.title);
  return row;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor((s.length - 1) / 2)]!;
}

function speed(c: Candidate, text: string): string {
  const warm = performance.now();
  if (typeof safeRead(c, text) === 'string') return 'fails';
  // A reader slower than 5 s is timed once more, not --runs times.
  const n = performance.now() - warm > 5000 ? 1 : runs;
  const times: number[] = [];
  for (let r = 0; r < n; r++) {
    const t = performance.now();
    c.read(text);
    times.push(performance.now() - t);
  }
  const ms = median(times);
  return `${(ms / 1000).toFixed(2)} s (${((Buffer.byteLength(text) / 1e6 / ms) * 1000).toFixed(1)} MB/s)`;
}

async function bundleSize(c: Candidate): Promise<string> {
  try {
    const result = await build({
      stdin: { contents: c.bundle, resolveDir: here, loader: 'ts' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      conditions: ['import'],
    });
    const bytes = result.outputFiles[0]!.contents;
    return `${Math.round(bytes.byteLength / 1024)} KB / ${Math.round(gzipSync(bytes).byteLength / 1024)} KB`;
  } catch (e) {
    const first = (e as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(e);
    return `does not bundle: ${first.slice(0, 60)}`;
  }
}

async function main(): Promise<void> {
  console.log(
    `real-bibliography.bib repeated: ${(Buffer.byteLength(repeated) / 1e6).toFixed(1)} MB, ` +
      `${(repeated.match(/^@[A-Za-z]+\{/gm) ?? []).length} entries; big-library-7166.bib ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB`,
  );
  for (const c of CANDIDATES) {
    if (only && !only.some((o) => c.name.includes(o))) continue;
    try {
      await c.load?.();
    } catch (e) {
      console.log(
        `\n## ${c.name}\n  not installed (npm install --prefix bench/bibtex): ${(e as Error).message}`,
      );
      continue;
    }
    const row: Record<string, string> = { ...checks(c) };
    row.big_library = speed(c, big);
    row.repeated_6_5mb = speed(c, repeated);
    if (withBundle) row.bundle_min_gzip = await bundleSize(c);
    console.log(`\n## ${c.name}`);
    for (const [k, v] of Object.entries(row)) console.log(`  ${k.padEnd(20)} ${v}`);
  }
}

void main();
