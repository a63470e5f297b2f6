import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFormat, readCorpus } from '../../../src/core/readers';
import { readCslJson } from '../../../src/core/readers/cslJson';
import { CorpusError } from '../../../src/core/model/paper';
import { enc, fixtureBytes, fixtureText, recordCount } from './fixtures';

const CSL = 'more/csl-zotero-bbt-128.json';

test('csl-zotero-bbt-128.json: recognised by content; 128 items, the one duplicate id merged into 127 papers', () => {
  const text = fixtureText(CSL);
  assert.equal(chooseFormat('csl-zotero-bbt-128.json', text), 'csl-json');
  assert.equal(chooseFormat('refs.csl.json', ''), 'csl-json');
  const { papers, warnings } = readCorpus(fixtureBytes(CSL), 'csl-zotero-bbt-128.json');
  assert.equal(recordCount(papers), 128);
  assert.equal(papers.length, 127);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.record, 106);
  assert.match(warnings[0]!.message, /^duplicate of the paper at csl-zotero-bbt-128\.json record 60/);
  for (const p of papers) {
    assert.equal(p.abstract, '');
    assert.ok(p.year! >= 1000, `${p.title} has a year`);
    assert.ok(p.authors?.length, `${p.title} has authors or editors`);
    assert.ok(p.citationKey, `${p.title} keeps its id as citation key (a merged paper, its first record's)`);
  }
});

test('csl-zotero-bbt-128.json: fields mapped, string date-parts, CJK, literal authors, rich text', () => {
  const { papers } = readCslJson(fixtureText(CSL), 'c.json');
  const first = papers[0]!;
  assert.equal(
    first.title,
    'Seeing like a state: how certain schemes to improve the human condition have failed',
  );
  assert.deepEqual(first.authors, ['Scott, James C.']);
  assert.equal(first.year, 1998);
  assert.equal(first.doi, '10.12987/9780300128789');
  assert.equal(first.entryType, 'book');
  assert.equal(first.citationKey, 'scott1998');
  assert.deepEqual(first.sources, [{ file: 'c.json', record: 1 }]);

  const article = papers.find((p) => p.citationKey === 'acemoglu2019')!;
  assert.equal(article.venue, 'Journal of Political Economy');
  assert.equal(article.entryType, 'article');
  assert.deepEqual(article.authors, [
    'Acemoglu, Daron',
    'Naidu, Suresh',
    'Restrepo, Pascual',
    'Robinson, James A.',
  ]);

  // date-parts as strings ([["2006"]]), a CJK title and a literal author.
  const thesis = papers.find((p) => p.citationKey === 'liuzhuo2006')!;
  assert.equal(thesis.year, 2006);
  assert.equal(thesis.title, '新疆的内地商人研究——以晚清、民国为中心');
  assert.deepEqual(thesis.authors, ['刘卓']);
  assert.equal(thesis.entryType, 'phdthesis');

  const holst = papers.find((p) => p.citationKey === 'holst2020')!;
  assert.deepEqual(holst.authors, [
    'Holst, Martin R.',
    '9 workshop participants who wished to remain anonymous',
  ]);
  assert.equal(holst.published, '2020-11-09');

  // An arXiv DOI (upper case kept) gives the arXiv id.
  const rag = papers.find((p) => p.citationKey === 'gao2023a')!;
  assert.equal(rag.doi, '10.48550/arXiv.2312.10997');
  assert.equal(rag.arxivId, '2312.10997');

  assert.ok(papers.some((p) => p.title === 'Ch’ing Inner Asia c. 1800'));
  for (const p of papers) assert.doesNotMatch(p.title, /<\/?i>/);
});

test('CSL items: numbers and strings in date-parts, missing titles warned, bad top levels rejected', () => {
  const json = JSON.stringify([
    { id: 'a2020', type: 'article-journal', title: 'A', issued: { 'date-parts': [[2020, 5, 1]] } },
    {
      id: 'b',
      type: 'book',
      title: 'B',
      issued: { 'date-parts': [['2019', '3']] },
      editor: [{ family: 'Ed' }],
    },
    { id: 'http://zotero.org/users/1/items/X', type: 'report', title: 'C', issued: { raw: 'spring 2018' } },
    { id: 'no-title', type: 'book', author: [{ family: 'X', given: 'Y' }] },
    'not an object',
  ]);
  const { papers, warnings } = readCorpus(enc.encode(json), 'items.json');
  assert.deepEqual(
    papers.map((p) => [p.title, p.year, p.published, p.citationKey, p.entryType]),
    [
      ['A', 2020, '2020-05-01', 'a2020', 'article'],
      ['B', 2019, undefined, 'b', 'book'],
      ['C', 2018, undefined, undefined, 'techreport'],
    ],
  );
  assert.deepEqual(papers[1]!.authors, ['Ed']);
  assert.deepEqual(
    warnings.map((w) => [w.record, w.message]),
    [
      [4, 'record 4 (id no-title) has no title: skipped'],
      [5, 'record 5 is not a JSON object: skipped'],
    ],
  );
  assert.throws(() => readCslJson('[{"type": "book",', 'bad.csl.json'), CorpusError);
  assert.throws(() => readCslJson('{"hello": 1}', 'obj.csl.json'), /not a CSL-JSON file/);
  assert.throws(() => readCslJson('["a", "b"]', 'strings.csl.json'), /no item is a JSON object/);
  assert.deepEqual(readCslJson('', 'empty.csl.json'), { papers: [], warnings: [] });
});

test('Hugging Face daily-papers JSON is still read as such', () => {
  for (const name of ['hf-daily-papers.json', 'hf-daily-papers-extra/2025-10-03.json']) {
    assert.equal(chooseFormat(name, fixtureText(name)), 'hf-json');
  }
  assert.equal(chooseFormat('a.json', '[{"title": "T", "summary": "S", "type": "x"}]'), 'hf-json');
});
