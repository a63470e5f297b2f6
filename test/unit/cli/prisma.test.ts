import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { loadCorpora } from '../../../src/cli/corpora';
import { serialize, setStatusMany, type TriageState } from '../../../src/core/triage';
import { runCli } from './runCli';

const repo = join(__dirname, '..', '..', '..');
const corpora = join(repo, 'test', 'fixtures', 'corpora');
const RIS = join(corpora, 'sample.ris');
const RIS_2 = join(corpora, 'sample-2.ris');
const NBIB = join(corpora, 'more', 'pubmed-crlf-75.nbib');
const NOW = '2026-03-01T10:00:00.000Z';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'litriage-prisma-'));
}

/** Records in a RIS file, counted from its text: one `TY  -` line each. */
function risRecords(path: string): number {
  return (readFileSync(path, 'utf8').match(/^\uFEFF?TY {2}- /gm) ?? []).length;
}

/** Records in a MEDLINE file: one `PMID-` line each. */
function medlineRecords(path: string): number {
  return (readFileSync(path, 'utf8').match(/^PMID- /gm) ?? []).length;
}

interface PrismaJson {
  identified: Record<string, number>;
  duplicates_removed: number;
  screened: number;
  excluded_screening: number;
  sought: number;
  not_retrieved: number | null;
  assessed: number | null;
  excluded_reports: Record<string, number> | null;
  included: number | null;
  awaiting_screening: number;
  awaiting_full_text: number | null;
  unknown: { field: string; why: string }[];
  notes: string[];
}

test('prisma --json on the seed: 52 records, none screened, the full-text counts unknown and said why', async () => {
  const { code, stdout } = await runCli('prisma', '--json');
  assert.equal(code, 0);
  const report = JSON.parse(stdout) as PrismaJson;
  assert.deepEqual(Object.keys(report).slice(0, 9), [
    'identified',
    'duplicates_removed',
    'screened',
    'excluded_screening',
    'sought',
    'not_retrieved',
    'assessed',
    'excluded_reports',
    'included',
  ]);
  assert.deepEqual(report.identified, { 'hf-daily-papers-seed.txt': 52 });
  assert.equal(report.duplicates_removed, 0);
  assert.equal(report.screened, 0);
  assert.equal(report.awaiting_screening, 52);
  for (const field of ['not_retrieved', 'assessed', 'excluded_reports', 'included'] as const) {
    assert.equal(report[field], null);
  }
  assert.deepEqual(
    report.unknown.map((u) => u.field),
    ['not_retrieved', 'assessed', 'excluded_reports', 'included'],
  );
  assert.ok(report.unknown.every((u) => u.why.includes('no full-text stage')));
});

test('prisma counts the records of every file and the duplicates merged inside and across files', async () => {
  const files = [RIS, RIS_2, NBIB, RIS];
  const report = JSON.parse(
    (await runCli('prisma', '--json', ...files.flatMap((f) => ['--corpus', f]))).stdout,
  ) as PrismaJson;
  // The same file twice is one source with twice its records, all of the second copy duplicates.
  assert.deepEqual(report.identified, {
    'sample.ris': 2 * risRecords(RIS),
    'sample-2.ris': risRecords(RIS_2),
    'pubmed-crlf-75.nbib': medlineRecords(NBIB),
  });
  const stats = JSON.parse(
    (await runCli('stats', '--json', ...files.flatMap((f) => ['--corpus', f]))).stdout,
  ) as {
    papers: number;
  };
  const identified = Object.values(report.identified).reduce((a, b) => a + b, 0);
  assert.equal(report.duplicates_removed, identified - stats.papers);
  assert.ok(report.duplicates_removed > risRecords(RIS), 'the duplicates inside sample.ris count too');
  assert.equal(report.awaiting_screening, stats.papers);
});

test('prisma --state: decisions are the screening, maybe and untriaged papers are awaiting', async () => {
  const dir = scratch();
  try {
    const loaded = await loadCorpora([RIS]);
    const [include, exclude, maybe] = [
      loaded.papers.slice(0, 5),
      loaded.papers.slice(5, 12),
      loaded.papers.slice(12, 14),
    ];
    let state: TriageState = { papers: new Map() };
    state = setStatusMany(state, include, 'include', NOW);
    state = setStatusMany(state, exclude, 'exclude', NOW);
    state = setStatusMany(state, maybe, 'maybe', NOW);
    const statePath = join(dir, 'literature-triage.json');
    writeFileSync(statePath, serialize(state));
    const report = JSON.parse(
      (await runCli('prisma', '--json', '--corpus', RIS, '--state', statePath)).stdout,
    ) as PrismaJson;
    assert.equal(report.screened, 12);
    assert.equal(report.excluded_screening, 7);
    assert.equal(report.sought, 5);
    assert.equal(report.awaiting_screening, loaded.papers.length - 12);
    assert.match(report.notes[0]!, /\(\d+ not yet screened, 2 marked maybe\)/);
    assert.equal(
      report.identified['sample.ris']! - report.duplicates_removed,
      report.screened + report.awaiting_screening,
    );

    // Text output says the same, and --svg writes the diagram with the same numbers, atomically.
    const svgPath = join(dir, 'prisma-flow.svg');
    const text = await runCli('prisma', '--corpus', RIS, '--state', statePath, '--svg', svgPath);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Records screened \(n = 12\) → records excluded \(n = 7\)/);
    assert.match(text.stdout, /Reports sought for retrieval \(n = 5\) → reports not retrieved \(n = \?\)/);
    assert.match(text.stdout, /prisma-flow\.svg: flow diagram written\./);
    const counts = svgCounts(readFileSync(svgPath, 'utf8'));
    assert.deepEqual(counts.get('screened'), ['n = 12']);
    assert.deepEqual(counts.get('excluded_screening'), ['n = 7']);
    assert.deepEqual(counts.get('included'), ['n = ?']);
    assert.deepEqual(
      readdirSync(dir).sort(),
      ['literature-triage.json', 'prisma-flow.svg'],
      'no temporary file left',
    );
    // --json and --svg together: the JSON on stdout, nothing else.
    const both = await runCli('prisma', '--json', '--corpus', RIS, '--state', statePath, '--svg', svgPath);
    assert.equal((JSON.parse(both.stdout) as PrismaJson).screened, 12);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The count texts of each box of a diagram, read back with saxes. */
function svgCounts(svg: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const counts = new Map<string, string[]>();
  let box: string | undefined;
  let inCount = false;
  parser.on('error', (e) => assert.fail(e.message));
  parser.on('opentag', (tag) => {
    if (tag.local === 'g') box = tag.attributes['data-box']?.value;
    if (tag.local === 'tspan' && tag.attributes.class?.value === 'count') inCount = true;
  });
  parser.on('text', (t) => {
    if (inCount && box) counts.set(box, [...(counts.get(box) ?? []), t]);
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'tspan') inCount = false;
  });
  parser.write(svg).close();
  return counts;
}

test('prisma --sources names the files as databases and registers; bad entries are warned about', async () => {
  const dir = scratch();
  try {
    const sources = join(dir, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        'sample.ris': 'Embase',
        'sample-2.ris': { name: 'ClinicalTrials.gov', type: 'register' },
        'pubmed-crlf-75.nbib': { name: 'PubMed', type: 'journal' },
      }),
    );
    const args = ['--corpus', RIS, '--corpus', RIS_2, '--corpus', NBIB, '--sources', sources];
    const json = await runCli('prisma', '--json', ...args);
    assert.equal(json.code, 0);
    assert.deepEqual(Object.keys((JSON.parse(json.stdout) as PrismaJson).identified), [
      'Embase',
      'ClinicalTrials.gov',
      'PubMed',
    ]);
    assert.match(
      json.stderr,
      /warning: .*sources\.json: .*"pubmed-crlf-75\.nbib"\]\.type must be "database" or "register"/,
    );
    const text = await runCli('prisma', ...args);
    assert.match(text.stdout, /ClinicalTrials\.gov, register \(n = \d+\)/);
    assert.match(text.stdout, /Embase, database \(n = \d+\)/);

    writeFileSync(sources, '{ not json');
    const broken = await runCli('prisma', ...args);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /sources\.json: not a readable JSON file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prisma: an --svg that cannot be written (its folder is a file) is an error naming it; the help lists the command', async () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'a-file'), '');
    const failed = await runCli('prisma', '--svg', join(dir, 'a-file', 'flow.svg'));
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /a-file\/flow\.svg: cannot write/);
    const help = await runCli('--help');
    assert.match(help.stdout, /prisma {2,}PRISMA 2020 flow counts/);
    assert.match(help.stdout, /--svg FILE/);
    assert.equal((await runCli('prisma', '--svg')).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
