import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASREVIEW_COLUMNS } from '../../../src/core/export';
import { readCorpus } from '../../../src/core/readers';
import { parseCsv } from '../../../src/core/readers/csv/parseCsv';
import { runCli } from './runCli';

const corpora = join(__dirname, '..', '..', 'fixtures', 'corpora');

function withDir(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'litriage-formats-'));
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** How many papers a written file holds, read back by the project's own readers. */
function papersIn(format: string, file: string): number {
  const bytes = readFileSync(file);
  if (format === 'csv') {
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes), file);
    assert.deepEqual(header!.fields, [...ASREVIEW_COLUMNS]);
    return rows.length;
  }
  return readCorpus(bytes, format === 'ris' ? 'back.ris' : 'back.csl.json').papers.length;
}

test('export --format ris|csv|csljson --out writes every paper of the seed and of real corpora', async () => {
  await withDir(async (dir) => {
    for (const corpus of [
      undefined,
      'sample-2.ris',
      'more/csl-zotero-bbt-128.json',
      'more/pubmed-crlf-75.nbib',
    ]) {
      const corpusArgs = corpus ? ['--corpus', join(corpora, corpus)] : [];
      const total = JSON.parse((await runCli('stats', '--json', ...corpusArgs)).stdout).papers as number;
      for (const format of ['ris', 'csv', 'csljson']) {
        const out = join(dir, `out.${format}`);
        const result = await runCli(
          'export',
          '--format',
          format,
          '--status',
          'all',
          '--out',
          out,
          '--json',
          ...corpusArgs,
        );
        assert.equal(result.code, 0, result.stderr);
        const report = JSON.parse(result.stdout) as {
          format: string;
          file: string;
          exported: number;
          ids: string[];
        };
        assert.equal(report.format, format);
        assert.equal(report.file, out);
        assert.equal(report.exported, total, `${corpus ?? 'seed'} as ${format}`);
        assert.equal(papersIn(format, out), total, `${corpus ?? 'seed'} as ${format}, read back`);

        // Without --out, stdout is the very same file.
        const printed = await runCli('export', '--format', format, '--status', 'all', ...corpusArgs);
        assert.equal(printed.stdout, readFileSync(out, 'utf8'));
      }
    }
  });
});

test('export --out replaces a RIS/CSV/CSL-JSON file (no merge), and says how many papers it wrote', async () => {
  await withDir(async (dir) => {
    const out = join(dir, 'refs.ris');
    writeFileSync(out, 'old content\n');
    const result = await runCli('export', '--format', 'ris', '--status', 'all', '--out', out);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /refs\.ris: wrote 52 papers as RIS\./);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /old content/);
  });
});

test('export --format csljson uses the keys Export BibTeX pins in --state, and pins its own for it', async () => {
  await withDir(async (dir) => {
    const state = join(dir, 'literature-triage.json');
    const csl = JSON.parse(
      (await runCli('export', '--format', 'csljson', '--status', 'all', '--state', state, '--json')).stdout,
    );
    assert.equal(csl.keys.length, 52);
    const bib = JSON.parse((await runCli('export', '--status', 'all', '--state', state, '--json')).stdout);
    assert.deepEqual(bib.keys, csl.keys, 'the .bib gets the keys the CSL-JSON was written with');
    const items = JSON.parse(csl.text) as { id: string }[];
    assert.deepEqual(
      items.map((i) => i.id),
      csl.keys,
    );
  });
});

test('export --format: the default scope is included papers; a bad format is a usage error naming the formats', async () => {
  await withDir(async (dir) => {
    const state = join(dir, 'literature-triage.json');
    const none = JSON.parse((await runCli('export', '--format', 'csv', '--state', state, '--json')).stdout);
    assert.equal(none.exported, 0);
    assert.equal(none.text, `${ASREVIEW_COLUMNS.join(',')}\r\n`);
  });
  const bad = await runCli('export', '--format', 'docx');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be one of bibtex, ris, csv, csljson/);
  const help = await runCli('--help');
  assert.match(help.stdout, /--format F +export: bibtex\|ris\|csv\|csljson/);
});
