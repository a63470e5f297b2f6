import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFormat, readCorpus } from '../../../src/core/readers';
import { parseMedline, readMedline } from '../../../src/core/readers/medline';
import { mergePapersDetailed } from '../../../src/core/identity/merge';
import { pmidKey } from '../../../src/core/identity/normalize';
import { enc, fixtureBytes, fixtureText, recordCount } from './fixtures';

const NBIB = 'more/pubmed-crlf-75.nbib';
const TXT = 'more/medline-biopython-4.txt';

test('pubmed-crlf-75.nbib (CRLF, trailing spaces): 75 records, all with title, DOI and PMID; 11 without abstract', () => {
  const records = parseMedline(fixtureText(NBIB), NBIB);
  assert.equal(records.length, 75);
  assert.equal(records[0]!.line, 1);
  const { papers, warnings } = readCorpus(fixtureBytes(NBIB), 'pubmed-crlf-75.nbib');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 75);
  assert.equal(papers.filter((p) => !p.abstract).length, 11);
  assert.equal(papers.filter((p) => p.doi).length, 75);
  assert.equal(new Set(papers.map((p) => p.pmid)).size, 75);
  for (const p of papers) {
    assert.match(p.pmid!, /^\d+$/);
    assert.equal(p.url, `https://pubmed.ncbi.nlm.nih.gov/${p.pmid}/`);
    assert.ok(p.authors?.length, `${p.pmid} has authors`);
    const values = [p.title, p.abstract, p.venue ?? '', ...(p.authors ?? [])];
    for (const v of values) {
      assert.doesNotMatch(v, /\r|\n/, `${p.pmid}: no line ends in values`);
      assert.equal(v, v.trim(), `${p.pmid}: no leading/trailing spaces`);
      assert.doesNotMatch(v, / {2}/, `${p.pmid}: continuation lines folded with one space`);
    }
  }
});

test('pubmed-crlf-75.nbib: the first record mapped field by field', () => {
  const { papers } = readMedline(fixtureText(NBIB), 'pubmed-crlf-75.nbib');
  const p = papers[0]!;
  assert.equal(p.pmid, '30501481');
  assert.equal(p.title, 'Ibrutinib Regimens versus Chemoimmunotherapy in Older Patients with Untreated CLL.');
  assert.equal(p.doi, '10.1056/NEJMoa1812836');
  assert.equal(p.year, 2018);
  assert.equal(p.venue, 'The New England journal of medicine');
  assert.equal(p.entryType, 'article');
  assert.deepEqual(p.authors!.slice(0, 3), ['Woyach, Jennifer A', 'Ruppert, Amy S', 'Heerema, Nyla A']);
  // Wrapped abstract lines (each ending in "space CRLF") folded with exactly one space.
  assert.match(
    p.abstract,
    /^BACKGROUND: Ibrutinib has been approved by the Food and Drug Administration for the treatment of patients with untreated chronic lymphocytic leukemia \(CLL\) since 2016 but has not been compared with chemoimmunotherapy\. /,
  );
  assert.deepEqual(p.sources, [{ file: 'pubmed-crlf-75.nbib', line: 1, record: 1 }]);
});

test('the nbib file read as LF gives the same papers as the CRLF original', () => {
  const crlf = readMedline(fixtureText(NBIB), 'x.nbib').papers;
  const lf = readMedline(fixtureText(NBIB).replace(/\r\n/g, '\n'), 'x.nbib').papers;
  assert.deepEqual(lf, crlf);
});

test('medline-biopython-4.txt (starts with a blank line, DOIs only in AID): recognised as MEDLINE by content', () => {
  const text = fixtureText(TXT);
  assert.equal(chooseFormat('medline-biopython-4.txt', text), 'medline');
  assert.equal(chooseFormat('pubmed_result', text), 'medline');
  const { papers, warnings } = readCorpus(fixtureBytes(TXT), 'medline-biopython-4.txt');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 4);
  assert.equal(recordCount(papers), 4);
  assert.deepEqual(
    papers.map((p) => p.pmid),
    ['16403221', '16377612', '14871861', '14630660'],
  );
  assert.deepEqual(
    papers.map((p) => p.doi),
    ['10.1186/1471-2105-7-10', '10.1093/bioinformatics/btk021', '10.1093/bioinformatics/bth078', undefined],
  );
  assert.equal(papers[0]!.sources[0]!.line, 2);
  const p = papers[1]!;
  // The title wraps onto a continuation line.
  assert.equal(p.title, 'GenomeDiagram: a python package for the visualization of large-scale genomic data.');
  assert.deepEqual(p.authors, ['Pritchard, Leighton', 'White, Jennifer A', 'Birch, Paul R J', 'Toth, Ian K']);
  assert.equal(p.year, 2006);
  assert.equal(p.venue, 'Bioinformatics (Oxford, England)');
  assert.equal(p.url, 'https://pubmed.ncbi.nlm.nih.gov/16377612/');
  assert.deepEqual(p.links, ['http://bioinf.scri.ac.uk/lp/programs.html']);
  for (const q of papers) assert.doesNotMatch(q.abstract, /\s$|^\s| {2}/);
});

test('a record without TI is skipped with a warning naming its line; AU and TA are fallbacks', () => {
  const text = [
    '',
    'PMID- 111',
    'AB  - An abstract without a title.',
    '',
    'PMID- 222',
    'TI  - A title that wraps ',
    '      onto a second line. ',
    'AU  - Doe J',
    'AU  - Roe R',
    'TA  - J Test',
    'DP  - 2021 Jan',
    'AID - 10.1000/xyz [doi]',
    '',
  ].join('\r\n');
  const { papers, warnings } = readCorpus(enc.encode(text), 'bad.nbib');
  assert.equal(papers.length, 1);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 2);
  assert.equal(warnings[0]!.record, 1);
  assert.match(warnings[0]!.message, /line 2.*no title/);
  const p = papers[0]!;
  assert.equal(p.title, 'A title that wraps onto a second line.');
  assert.deepEqual(p.authors, ['Doe J', 'Roe R']);
  assert.equal(p.venue, 'J Test');
  assert.equal(p.year, 2021);
  assert.equal(p.doi, '10.1000/xyz');
  assert.deepEqual(p.sources, [{ file: 'bad.nbib', line: 5, record: 2 }]);
});

test('stray untagged lines are reported once; text with no records warns', () => {
  const { papers, warnings } = readMedline('PMID- 1\nTI  - T\nnot a tag line\nalso not\n', 'x.nbib');
  assert.equal(papers.length, 1);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 3);
  assert.match(warnings[0]!.message, /^2 lines /);
  const none = readMedline('just some words\n', 'y.nbib');
  assert.equal(none.papers.length, 0);
  assert.match(none.warnings.at(-1)!.message, /no MEDLINE records/);
  assert.deepEqual(readMedline('', 'z.nbib'), { papers: [], warnings: [] });
});

test('records with the same PMID and compatible titles merge; PMIDs are compared as numbers', () => {
  assert.equal(pmidKey('PMID: 0042'), '42');
  assert.equal(pmidKey('https://pubmed.ncbi.nlm.nih.gov/42/'), '42');
  assert.equal(pmidKey('10.1000/42'), undefined);
  const { papers, notes } = mergePapersDetailed([
    readMedline('PMID- 42\nTI  - Alpha beta gamma\n', 'd.nbib').papers,
    readMedline('PMID- 42\nTI  - Alpha beta gamma delta\n', 'e.nbib').papers,
    readMedline('PMID- 42\nTI  - Something else entirely\n', 'f.nbib').papers,
  ]);
  assert.equal(papers.length, 2);
  assert.equal(papers[0]!.sources.length, 2);
  assert.match(notes[0]!.message, /same PubMed id/);
  assert.match(notes[1]!.message, /same PubMed id as the paper at d\.nbib:1 but a different title/);
});
