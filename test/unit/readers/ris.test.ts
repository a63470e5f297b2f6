import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../../../src/core/readers';
import { parseRis, readRis } from '../../../src/core/readers/ris';
import { enc, fixtureBytes, fixtureText, recordCount } from './fixtures';

test('sample.ris: 363 records despite 3,093 untagged continuation lines; 8 duplicate titles merged', () => {
  const text = fixtureText('sample.ris');
  const records = parseRis(text, 'sample.ris');
  assert.equal(records.length, 363);
  const types: Record<string, number> = {};
  for (const r of records) types[r.tags.get('TY')![0]!] = (types[r.tags.get('TY')![0]!] ?? 0) + 1;
  assert.deepEqual(types, { JOUR: 360, GEN: 2, SER: 1 });
  assert.equal(records.filter((r) => r.tags.has('AB')).length, 196);
  for (const r of records)
    for (const t of ['TI', 'AU', 'PY']) assert.ok(r.tags.has(t), `record at ${r.line} lacks ${t}`);
  // Continuation lines: one more keyword / URL each.
  assert.deepEqual(records[1]!.tags.get('KW'), [
    'Adolescence',
    'Complex trauma',
    'Mental health',
    'Polytraumatization',
    'Polyvictimization',
  ]);
  assert.equal(records[1]!.tags.get('UR')!.length, 2);

  const { papers, warnings } = readCorpus(fixtureBytes('sample.ris'), 'sample.ris');
  assert.equal(recordCount(papers), 363);
  assert.equal(papers.length, 355);
  assert.equal(warnings.length, 8);
  for (const w of warnings) assert.match(w.message, /^duplicate of the paper at sample\.ris:\d+/);
});

test('sample.ris: fields mapped, UTF-8 kept, structured abstracts keep their sections as paragraphs', () => {
  const { papers } = readRis(fixtureText('sample.ris'), 'sample.ris');
  const first = papers[0]!;
  assert.equal(
    first.title,
    'Trajectory of posttraumatic stress disorder caused by myocardial infarction: A two-year follow-up study',
  );
  assert.ok(first.authors!.includes('Begré, S.'));
  assert.ok(first.authors!.includes('Von Känel, R.'));
  assert.equal(first.year, 2009);
  assert.equal(first.venue, 'International Journal of Psychiatry in Medicine');
  assert.equal(first.entryType, 'article');
  assert.equal(first.sources[0]!.line, 1);
  assert.match(first.url!, /^http:\/\/www\.scopus\.com\//);
  const second = papers[1]!;
  assert.equal(second.doi, '10.1037/a0039713');
  const structured = papers.find((p) => p.abstract.includes('DESIGN AND METHODS:'));
  assert.ok(structured);
  assert.match(structured!.abstract, /\n\nDESIGN AND METHODS: /);
  assert.match(structured!.abstract, /\n\nRESULTS: /);
});

test('sample-2.ris (BOM + CRLF): 100 records, the first one included', () => {
  const records = parseRis(fixtureText('sample-2.ris'), 'sample-2.ris');
  assert.equal(records.length, 100);
  assert.equal(records[0]!.line, 1);
  assert.deepEqual(records[0]!.tags.get('TY'), ['JOUR']);
  assert.equal(records.filter((r) => r.tags.has('AB')).length, 98);
  const { papers, warnings } = readCorpus(fixtureBytes('sample-2.ris'), 'sample-2.ris');
  assert.equal(recordCount(papers), 100);
  // One paper is in the file twice, once with "Purpose/Methods/…" section labels in its abstract.
  assert.equal(papers.length, 99);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.message, /nearly the same abstract/);
  assert.match(papers[0]!.title, /^The Value of Radiologic Interventions and 18 F-DOPA PET/);
  for (const p of papers) assert.doesNotMatch(p.title + p.abstract + (p.authors ?? []).join(), /\r|\uFEFF/);
});

test('the same RIS with LF, CRLF, lone CR, a BOM or reordered records gives the same ids', () => {
  const text = fixtureText('sample.ris');
  const ids = readRis(text, 's.ris').papers.map((p) => p.id);
  for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), '\uFEFF' + text]) {
    assert.deepEqual(
      readCorpus(enc.encode(variant), 's.ris').papers.map((p) => p.id),
      ids,
    );
  }
  const recs = text.split(/\n(?=TY {2}- )/);
  assert.deepEqual(
    readRis(recs.reverse().join('\n'), 's.ris')
      .papers.map((p) => p.id)
      .sort(),
    [...ids].sort(),
  );
});

test('odd RIS: missing ER, stray lines, a record without title, one-space tags, type mapping', () => {
  const ris = [
    'Provider: some database', // stray line before any record
    'TY - CONF', // one space tolerated
    'TI  - Conference Paper',
    'T1  - ignored second title',
    'AU  - Doe, Jane',
    'A2  - Editor, Ed',
    'PY  - 2020///',
    'DO  - https://doi.org/10.1000/XYZ.1',
    'UR  - https://arxiv.org/abs/2001.00001v2',
    'AB  - First part',
    'continued part',
    'KW  - one',
    'two',
    // no ER: the next TY closes it
    'TY  - BOOK',
    'AU  - Nobody',
    'ER  - ',
    'ER  - ',
    '',
    'TY  - THES',
    'T1  - A Thesis',
    'A2  - Only, Editor',
    'Y1  - 1999/05/01/',
    'ER  -',
    'TY  - XYZ',
    'TI  - Unknown Type',
  ].join('\n');
  const warnings: { line?: number; message: string }[] = [];
  const records = parseRis(ris, 'o.ris', warnings as never);
  assert.equal(records.length, 4);
  assert.deepEqual(records[0]!.tags.get('KW'), ['one', 'two']);
  const result = readRis(ris, 'o.ris');
  assert.deepEqual(
    result.papers.map((p) => p.title),
    ['Conference Paper', 'A Thesis', 'Unknown Type'],
  );
  const [conf, thesis, unknown] = result.papers as [
    (typeof result.papers)[0],
    (typeof result.papers)[0],
    (typeof result.papers)[0],
  ];
  assert.equal(conf.entryType, 'inproceedings');
  assert.deepEqual(conf.authors, ['Doe, Jane']);
  assert.equal(conf.year, 2020);
  assert.equal(conf.doi, '10.1000/XYZ.1');
  assert.equal(conf.arxivId, '2001.00001');
  assert.equal(conf.abstract, 'First part\n\ncontinued part');
  assert.equal(thesis.entryType, 'phdthesis');
  assert.deepEqual(thesis.authors, ['Only, Editor']);
  assert.equal(thesis.year, 1999);
  assert.equal(unknown.entryType, 'misc');
  const messages = result.warnings.map((w) => `${w.line}: ${w.message}`);
  assert.ok(messages.some((m) => /^2: record has no ER line/.test(m)));
  assert.ok(messages.some((m) => /^24: record has no ER line \(the file ends\)/.test(m)));
  assert.ok(messages.some((m) => /^14: record 2 has no title/.test(m)));
  assert.ok(messages.some((m) => /^17: ER line outside a record/.test(m)));
  assert.ok(messages.some((m) => /^1: lines outside any TY/.test(m)));
});

test('RIS: empty text gives nothing; text without records gives 0 papers and a warning', () => {
  assert.deepEqual(readRis('', 'e.ris'), { papers: [], warnings: [] });
  const none = readRis('hello\nworld\n', 'n.ris');
  assert.equal(none.papers.length, 0);
  assert.ok(none.warnings.some((w) => /no RIS records/.test(w.message)));
});
