import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../../src/core/readers/csv/parseCsv';
import { CorpusError } from '../../../../src/core/model/paper';

const fields = (text: string): string[][] => parseCsv(text, 'x.csv').map((r) => r.fields);

test('plain fields, LF and a final line break', () => {
  assert.deepEqual(fields('a,b\n1,2\n'), [
    ['a', 'b'],
    ['1', '2'],
  ]);
});

test('no final line break, CRLF and lone CR all end records', () => {
  assert.deepEqual(fields('a,b\r\n1,2\r3,4'), [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
  ]);
});

test('quoted fields: commas, doubled quotes, embedded CRLF (normalised to LF)', () => {
  assert.deepEqual(fields('"a,1","say ""hi""","two\r\nlines"\n'), [['a,1', 'say "hi"', 'two\nlines']]);
});

test('empty fields, empty quoted fields and a trailing comma', () => {
  assert.deepEqual(fields('a,,""\n,x,\n'), [
    ['a', '', ''],
    ['', 'x', ''],
  ]);
});

test('a leading BOM is dropped', () => {
  assert.deepEqual(fields('\uFEFFid,title\n1,x'), [
    ['id', 'title'],
    ['1', 'x'],
  ]);
});

test('blank lines are skipped; empty input has no records', () => {
  assert.deepEqual(fields('a,b\n\n1,2\n\n'), [
    ['a', 'b'],
    ['1', '2'],
  ]);
  assert.deepEqual(fields(''), []);
});

test('records know the line they start on, counting line breaks inside quotes', () => {
  const records = parseCsv('h1,h2\n"multi\nline\r\nfield",x\nlast,y\n', 'x.csv');
  assert.deepEqual(
    records.map((r) => r.line),
    [1, 2, 5],
  );
});

function assertCorpusError(text: string, line: number, pattern: RegExp): void {
  assert.throws(
    () => parseCsv(text, 'bad.csv'),
    (e: unknown) =>
      e instanceof CorpusError && e.file === 'bad.csv' && e.line === line && pattern.test(e.message),
  );
}

test('an unclosed quote names the line where the field opened', () => {
  assertCorpusError('a,b\n1,"open\nstill open\n', 2, /never closed/);
});

test('text after a closing quote is an error', () => {
  assertCorpusError('a,b\n"x"y,2\n', 2, /after a closing quote/);
});

test('a quote inside an unquoted field is an error', () => {
  assertCorpusError('a,b\n1,2\nab"c,3\n', 3, /inside an unquoted field/);
});

test('a record with the wrong number of fields is an error naming its line', () => {
  assertCorpusError('a,b,c\n1,2,3\n"x\ny",2\n', 3, /2 fields, expected 3/);
});

test('linear time on a 1 MB quoted field', () => {
  const big = 'x'.repeat(1_000_000);
  const start = performance.now();
  const records = parseCsv(`a\n"${big}"\n`, 'big.csv');
  assert.equal(records[1]!.fields[0]!.length, 1_000_000);
  assert.ok(performance.now() - start < 1000);
});
