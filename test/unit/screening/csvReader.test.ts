import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readScreeningCsv } from '../../../src/core/screening/csvReader';
import { CorpusError } from '../../../src/core/model/paper';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/screening/${name}`, import.meta.url)));

test('reads id,title,abstract,included with white space collapsed and records keyed by row', () => {
  const csv =
    'id,title,abstract,included\n7,"\u00A0A  title\n","An abstract, see https://x.org/a.",1\n7,B,C,0\n';
  const { records, warnings } = readScreeningCsv(csv, 's.csv');
  assert.deepEqual(warnings, []);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0], {
    paper: {
      id: 'row-1',
      title: 'A title',
      abstract: 'An abstract, see https://x.org/a.',
      links: ['https://x.org/a'],
      sources: [{ file: 's.csv', line: 2, record: 1 }],
    },
    included: true,
    sourceId: '7',
  });
  assert.equal(records[1]!.paper.id, 'row-2');
  assert.equal(records[1]!.sourceId, '7');
  assert.equal(records[1]!.included, false);
});

test('columns are found by name in any order; id is optional; empty label = undecided', () => {
  const { records } = readScreeningCsv('Included,Abstract,Title\n,ab,ti\ntrue,x,y\n', 's.csv');
  assert.deepEqual(
    records.map((r) => [r.paper.title, r.paper.abstract, r.included, r.sourceId]),
    [
      ['ti', 'ab', undefined, ''],
      ['y', 'x', true, ''],
    ],
  );
});

test('custom ids', () => {
  const { records } = readScreeningCsv('title,abstract,included\nT,A,0\n', 's.csv', {
    makeId: (record, title) => `${title}#${record}`,
  });
  assert.equal(records[0]!.paper.id, 'T#1');
});

test('a record without text is kept, with a warning', () => {
  const { records, warnings } = readScreeningCsv('title,abstract,included\n"",  ,0\n', 's.csv');
  assert.equal(records.length, 1);
  assert.deepEqual(warnings, [
    { file: 's.csv', line: 2, record: 1, message: 'record has neither title nor abstract' },
  ]);
});

test('errors name the file and line', () => {
  const fails = (input: string | Uint8Array, line: number | undefined, pattern: RegExp): void =>
    assert.throws(
      () => readScreeningCsv(input, 'bad.csv'),
      (e: unknown) => e instanceof CorpusError && e.line === line && pattern.test(e.message),
    );
  fails('title,abstract\nx,y\n', 1, /missing column "included"/);
  fails('title,abstract,included\nx,y,maybe\n', 2, /must be 0 or 1/);
  fails(new Uint8Array([0x74, 0xff, 0xfe, 0x0a]), undefined, /not valid UTF-8/);
  fails('title,abstract,included\nx\u0000,y,1\n', undefined, /binary/);
});

test('empty and header-only files have no records', () => {
  assert.equal(readScreeningCsv('', 'e.csv').records.length, 0);
  assert.equal(readScreeningCsv('id,title,abstract,included\n', 'h.csv').records.length, 0);
});

test('the two benchmark files: counts, embedded newlines and duplicate ids', () => {
  const nudging = readScreeningCsv(fixture('nudging.csv'), 'nudging.csv');
  assert.equal(nudging.records.length, 1847);
  assert.equal(nudging.records.filter((r) => r.included).length, 100);
  assert.equal(nudging.records.at(-1)!.paper.sources[0]!.line, 1866);
  assert.ok(
    nudging.records.every((r) => !r.paper.title.includes('\n') && r.paper.title === r.paper.title.trim()),
  );

  const wilson = readScreeningCsv(fixture('wilson.csv'), 'wilson.csv');
  assert.equal(wilson.records.length, 2333);
  assert.equal(wilson.records.filter((r) => r.included).length, 23);
  assert.ok(wilson.records.slice(0, 23).every((r) => r.included));
  assert.equal(new Set(wilson.records.map((r) => r.sourceId)).size, 2333 - 108);
  assert.equal(new Set(wilson.records.map((r) => r.paper.id)).size, 2333);
});

test('BOM and CRLF give the same records', () => {
  const lf = 'id,title,abstract,included\n1,"T\nx",A,1\n2,U,B,0\n';
  const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  const strip = (input: string) =>
    readScreeningCsv(input, 'f.csv').records.map((r) => [r.paper.title, r.included]);
  assert.deepEqual(strip(crlf), strip(lf));
  assert.deepEqual(
    readScreeningCsv(new TextEncoder().encode(crlf), 'f.csv').records.map((r) => r.paper.title),
    ['T x', 'U'],
  );
});
