import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import { readAtom } from '../../../src/core/readers/atom';
import { enc, fixtureBytes, fixtureText } from './fixtures';

test('arxiv-atom.xml: 10 entries with unwrapped text, decoded entities, arXiv ids without version, DOIs', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('arxiv-atom.xml'), 'arxiv-atom.xml');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 10);
  assert.deepEqual(
    papers.map((p) => p.arxivId),
    [
      '1201.4869',
      'cond-mat/0412498',
      'cond-mat/0603029',
      '1005.5383',
      '1303.6954',
      '1312.6177',
      '1412.6529',
      'cond-mat/0607501',
      'cond-mat/0702661',
      '0807.2873',
    ],
  );
  for (const p of papers) {
    assert.doesNotMatch(p.title, /\n|\s{2}/);
    assert.doesNotMatch(p.abstract, /^\s|\s$/);
    assert.doesNotMatch(p.abstract.replace(/\n\n/g, ''), /\n/);
    assert.match(p.doi!, /^10\.\d{4}\//);
    assert.ok(
      p.authors!.some((a) => a.endsWith('Del Maestro')),
      p.title,
    );
    assert.ok(p.year! >= 2004 && p.year! <= 2014);
    assert.match(p.url!, /^http:\/\/arxiv\.org\/abs\//);
  }
  const first = papers[0]!;
  assert.equal(first.title, 'A Luttinger Liquid Core Inside Helium-4 Filled Nanopores');
  assert.ok(
    first.abstract.startsWith(
      'As helium-4 is cooled below 2.17 K it undergoes a phase transition to a fundamentally',
    ),
  );
  assert.equal(first.doi, '10.1142/S021797921244002X');
  assert.equal(first.venue, 'Int. J. Mod. Phys. B, 26, 1244002 (2012)');
  assert.equal(first.published, '2012-01-23T21:15:02Z');
  assert.equal(first.sources[0]!.line, 10);
  // `&gt;=` decoded; LaTeX kept as written.
  assert.match(papers[1]!.abstract, /\(p >= 3, integer\)/);
  assert.ok(papers.some((p) => p.abstract.includes("R\\'{e}nyi")));
});

test('Atom: BOM and CRLF give the same ids', () => {
  const text = fixtureText('arxiv-atom.xml');
  const ids = readAtom(text, 'a.xml').papers.map((p) => p.id);
  assert.deepEqual(
    readCorpus(enc.encode('\uFEFF' + text.replace(/\n/g, '\r\n')), 'a.xml').papers.map((p) => p.id),
    ids,
  );
});

const feed = (entries: string) =>
  `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entries}\n</feed>\n`;

test('Atom odd input: CDATA, entities, several DOIs, an entry without title, an empty feed', () => {
  const xml = feed(
    [
      '<entry><id>http://arxiv.org/abs/2101.00001v3</id><title>Cats &amp; Dogs &#x2014;\n  a Study</title>',
      '<summary><![CDATA[  Uses <b>bold</b> claims.\n  New paragraph.]]></summary>',
      '<arxiv:doi>10.1000/aaa 10.2000/bbb</arxiv:doi><author><name>A. Author</name></author></entry>',
      '<entry><id>http://arxiv.org/abs/2101.00002v1</id><summary>no title</summary></entry>',
    ].join('\n'),
  );
  const { papers, warnings } = readAtom(xml, 'o.xml');
  assert.equal(papers.length, 1);
  assert.equal(papers[0]!.title, 'Cats & Dogs — a Study');
  assert.equal(papers[0]!.abstract, 'Uses <b>bold</b> claims.\n\nNew paragraph.');
  assert.equal(papers[0]!.doi, '10.1000/aaa');
  assert.equal(papers[0]!.arxivId, '2101.00001');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.message, /no title/);
  assert.deepEqual(readAtom(feed(''), 'e.xml'), { papers: [], warnings: [] });
  assert.deepEqual(readAtom('', 'e.xml'), { papers: [], warnings: [] });
});

test('malformed XML and non-Atom XML are CorpusErrors with a clear message', () => {
  assert.throws(
    () => readAtom(feed('<entry><title>Unclosed</entry>'), 'bad.xml'),
    (e: unknown) => e instanceof CorpusError && /not well-formed XML/.test(e.message) && e.line === 3,
  );
  assert.throws(
    () => readAtom('<rss version="2.0"><channel/></rss>', 'rss.xml'),
    (e: unknown) => e instanceof CorpusError && /not an Atom feed/.test(e.message) && /<rss>/.test(e.message),
  );
  assert.throws(() => readAtom('<feed><entry/></feed>', 'nons.xml'), /not an Atom feed/);
  assert.throws(
    () => readAtom('<feed xmlns="http://www.w3.org/2005/Atom">&nbsp;</feed>', 'ent.xml'),
    CorpusError,
  );
});
