import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/core/model/paper';
import { chooseFormat, readCorpus } from '../../../src/core/readers';
import { abstractText, looksEndnoteXml, readEndnoteXml } from '../../../src/core/readers/endnoteXml';
import { enc, fixtureBytes, fixtureText, isNfc } from './fixtures';

const S = (text: string, face = 'normal') =>
  `<style face="${face}" font="default" size="100%">${text}</style>`;
const doc = (records: string) =>
  `<?xml version="1.0" encoding="UTF-8" ?><xml><records>${records}</records></xml>`;
const rec = (inner: string) => `<record><ref-type name="Journal Article">17</ref-type>${inner}</record>`;
const titled = (title: string, more = '') => rec(`<titles><title>${S(title)}</title></titles>${more}`);

test('endnote-small-5.xml (EndNote 19, one line): 5 records with authors, years, PMIDs, venues, MeSH keywords', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('more/endnote-small-5.xml'), 'endnote-small-5.xml');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 5);
  const byTitle = new Map(papers.map((p) => [p.title, p]));
  const first = byTitle.get(
    'In situ carcinomas of the female breast. Diagnostic and therapeutic aspects with special reference to histological growth patterns. Clinical review',
  )!;
  assert.deepEqual(first.authors, ['Blichert-Toft, M.', 'Andersen, J.', 'Dyreborg, U.']);
  assert.equal(first.year, 1990);
  assert.equal(first.pmid, '2158737');
  assert.equal(first.venue, 'Acta Chirurgica Scandinavica');
  assert.equal(first.entryType, 'article');
  assert.equal(first.keywords!.length, 12);
  assert.equal(first.keywords![1], '*Breast Neoplasms/pa [Pathology]');
  assert.ok(first.abstract.startsWith('There is a disparity between the autopsy prevalence'));
  assert.ok(first.abstract.endsWith('[References: 38]'));
  assert.equal(
    first.url,
    'http://ovidsp.ovid.com/ovidweb.cgi?T=JS&CSC=Y&NEWS=N&PAGE=fulltext&D=med3&AN=2158737',
  );
  assert.equal(
    byTitle.get('Elastosis in the normal aging breast. A histopathologic study of 140 cases')!.venue,
    'Archives of Pathology & Laboratory Medicine',
  );
  // MEDLINE accession numbers are PMIDs; the Embase record has neither a MEDLINE database nor a PMID.
  assert.deepEqual(
    papers.map((p) => p.pmid ?? null),
    ['2158737', '1768215', '8469648', '2692656', null],
  );
  const embase = byTitle.get('Do we all have cancer?')!;
  assert.equal(embase.year, 2008);
  assert.equal(embase.abstract, '');
  assert.equal(
    byTitle.get(
      '[Changes in cancer incidence after cholecystectomy, tonsillectomy or appendectomy? Studies in an autopsy sample]',
    )!.abstract,
    '',
  );
  assert.ok(papers.every((p) => p.doi === undefined));
  // One line: every record is on line 1, told apart by its record number.
  assert.deepEqual(
    papers.map((p) => p.sources),
    [1, 2, 3, 4, 5].map((record) => [{ file: 'endnote-small-5.xml', line: 1, record }]),
  );
});

test('endnote-kwb-12.xml (EndNote 2025): DOI URLs, split authors, paragraphs from CRs, no editors as authors', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('more/endnote-kwb-12.xml'), 'kwb.xml');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 12);
  assert.ok(papers.every((p) => isNfc(p.title) && isNfc(p.abstract)));
  assert.ok(papers.every((p) => !/[\r\n]/.test(p.title)));
  assert.equal(papers.filter((p) => p.doi).length, 8);
  assert.ok(papers.every((p) => !p.doi || /^10\.\d{4,}\/\S+$/.test(p.doi)));
  const get = (start: string) => papers.find((p) => p.title.startsWith(start))!;

  const seis = get('Comparison of statistical evaluation approaches');
  assert.equal(seis.doi, '10.1016/j.scitotenv.2025.178573');
  assert.equal(seis.url, 'https://www.sciencedirect.com/science/article/pii/S0048969725002074');
  assert.equal(seis.venue, 'Science of the Total Environment');
  // Thirteen PDF line wraps become spaces; the one after "in practice." is a paragraph break.
  assert.deepEqual(
    seis.abstract.split('\n\n').map((p) => p.slice(0, 30)),
    ['In 2020, the European Union pu', 'The present study compares dif'],
  );
  assert.match(seis.abstract, /requirements for water reuse in agriculture\./);

  const d58 = get('Deliverable D5.8');
  assert.equal(d58.abstract.split('\n\n').length, 5);
  assert.match(d58.abstract.split('\n\n')[1]!, /^· Identify inconsistencies/);
  assert.ok(!d58.authors!.includes('Report PROMISCES project'), 'secondary authors are not authors');
  assert.equal(d58.authors!.length, 15);

  assert.deepEqual(get('Regenwasser als alternative').authors, ['Schumann, P.', 'Rose, E.']);
  assert.equal(get('Regenwasser als alternative').venue, 'wwt');
  assert.equal(get('PROMISCES Layman').title, "PROMISCES Layman's report");
  assert.equal(
    get('Deliverable D2.3').title,
    'Deliverable D2.3 - Toolbox fate & transport modelling of PMTs in the environment',
  );
  assert.equal(get('Deliverable D2.3').authors!.at(-1), 'Zessner, M.');
  assert.match(get('Flexible und zuverlässige').title, /06\/2021 – 10\/2024$/);
  // internal-pdf:// attachments are not URLs.
  assert.equal(get('iBATHWATER').url, undefined);
  assert.deepEqual([...new Set(papers.map((p) => p.entryType))].sort(), [
    'article',
    'inproceedings',
    'misc',
    'techreport',
  ]);
});

test('endnote-jabref-3.xml (pretty-printed): style runs concatenated, pseudo-URLs ignored, Book type', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('more/endnote-jabref-3.xml'), 'jabref.xml');
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    papers.map((p) => p.title),
    [
      'An ecological basis for reforestation of submariginal lands in the Central Hardwood Region',
      'A survey of soil temperatures in the Chicago area',
      'A demographic study of the south polar skua Catharacta maccormicki at Cape Crozier',
    ],
  );
  assert.deepEqual(
    papers.map((p) => p.entryType),
    ['article', 'book', 'article'],
  );
  assert.ok(papers.every((p) => p.url === undefined && p.pmid === undefined));
  assert.deepEqual(papers[2]!.authors, ['Ainley, D.G.', 'Ribic, C.A.', 'Wodd, R.C.']);
  assert.equal(papers[2]!.year, 1990);
  assert.equal(papers[0]!.sources[0]!.line, 4);
});

test('style runs split mid-word, CR-separated values, and each DOI form', () => {
  const xml = doc(
    [
      rec(
        `<titles><title>${S('Catha')}${S('racta', 'italic')}${S(' in CO')}${S('2', 'subscript')}${S('&#xD;rich air')}</title></titles>` +
          `<contributors><authors><author>${S('Smith, J.&#xD;Doe, A.')}</author><author>${S('Le')}${S('e, K.', 'bold')}</author></authors></contributors>` +
          `<keywords><keyword>${S('alpha&#xD;beta')}</keyword><keyword>${S('alpha')}</keyword></keywords>` +
          `<electronic-resource-num>${S('doi:10.1000/ABC.1')}</electronic-resource-num>` +
          `<urls><related-urls><url>${S('internal-pdf://1/a.pdf&#xD;https://example.org/a')}</url></related-urls></urls>`,
      ),
      titled('B', `<electronic-resource-num>${S('DOI 10.1000/b2.')}</electronic-resource-num>`),
      titled(
        'C',
        `<electronic-resource-num>${S('https://dx.doi.org/10.1000%2Fc3')}</electronic-resource-num>`,
      ),
      titled(
        'D',
        `<electronic-resource-num>${S('S0140-6736(20)30183-5&#xD;10.1016/S0140-6736(20)30183-5')}</electronic-resource-num>`,
      ),
      titled('E', `<electronic-resource-num>${S('PMC1234567')}</electronic-resource-num>`),
      titled('F', `<urls><web-urls><url>https://doi.org/10.1000/f6</url></web-urls></urls>`),
    ].join(''),
  );
  const { papers, warnings } = readEndnoteXml(xml, 'x.xml');
  assert.deepEqual(warnings, []);
  const [a, b, c, d, e, f] = papers.sort((x, y) => x.sources[0]!.record! - y.sources[0]!.record!);
  assert.equal(a!.title, 'Catharacta in CO2 rich air');
  assert.deepEqual(a!.authors, ['Smith, J.', 'Doe, A.', 'Lee, K.']);
  assert.deepEqual(a!.keywords, ['alpha', 'beta']);
  assert.equal(a!.doi, '10.1000/ABC.1');
  assert.equal(a!.url, 'https://example.org/a');
  assert.equal(b!.doi, '10.1000/b2');
  assert.equal(c!.doi, '10.1000/c3');
  assert.equal(d!.doi, '10.1016/S0140-6736(20)30183-5');
  assert.equal(e!.doi, undefined);
  assert.equal(f!.doi, '10.1000/f6');
  assert.equal(f!.url, 'https://doi.org/10.1000/f6');
});

test('PMIDs only from PubMed/MEDLINE accession numbers or PubMed URLs; arXiv ids from DOI or URL', () => {
  const xml = doc(
    [
      titled(
        'PubMed',
        `<accession-num>${S('31234567')}</accession-num><remote-database-name>${S('PubMed')}</remote-database-name>`,
      ),
      titled(
        'NLM',
        `<accession-num>${S('30000001')}</accession-num><remote-database-provider>${S('NLM')}</remote-database-provider>`,
      ),
      titled(
        'Embase',
        `<accession-num>${S('620000001')}</accession-num><remote-database-name>${S('Embase')}</remote-database-name>`,
      ),
      titled('WoS', `<accession-num>${S('WOS:000200148800007')}</accession-num>`),
      titled(
        'URL',
        `<urls><related-urls><url>${S('http://www.ncbi.nlm.nih.gov/pubmed/25647015')}</url></related-urls></urls>`,
      ),
      titled(
        'arXiv DOI',
        `<electronic-resource-num>${S('10.48550/arXiv.2501.01234')}</electronic-resource-num>`,
      ),
      titled(
        'arXiv URL',
        `<urls><related-urls><url>${S('https://arxiv.org/abs/2401.00001v2')}</url></related-urls></urls>`,
      ),
    ].join(''),
  );
  const got = Object.fromEntries(
    readEndnoteXml(xml, 'p.xml').papers.map((p) => [p.title, [p.pmid ?? null, p.arxivId ?? null]]),
  );
  assert.deepEqual(got, {
    PubMed: ['31234567', null],
    NLM: ['30000001', null],
    Embase: [null, null],
    WoS: [null, null],
    URL: ['25647015', null],
    'arXiv DOI': [null, '2501.01234'],
    'arXiv URL': [null, '2401.00001'],
  });
});

test('dates: year text, pub-dates fallback, an ISO date as published, "in press" gives no year', () => {
  const dates = (inner: string) => `<dates>${inner}</dates>`;
  const xml = doc(
    [
      titled('Y', dates(`<year>${S('2015')}</year><pub-dates><date>${S('Mar 3')}</date></pub-dates>`)),
      titled(
        'P',
        dates(`<year>${S('in press')}</year><pub-dates><date>${S('2021/10/01/')}</date></pub-dates>`),
      ),
      titled('N', dates(`<year>${S('submitted')}</year>`)),
      titled('D', dates(`<year>${S('2025')}</year><pub-dates><date>${S('28/02/2025')}</date></pub-dates>`)),
    ].join(''),
  );
  const got = Object.fromEntries(
    readEndnoteXml(xml, 'd.xml').papers.map((p) => [p.title, [p.year ?? null, p.published ?? null]]),
  );
  assert.deepEqual(got, {
    Y: [2015, null],
    P: [2021, '2021-10-01'],
    N: [null, null],
    D: [2025, null],
  });
});

test('abstract line breaks: blank line or sentence end = paragraph, other breaks = wrapped lines', () => {
  assert.equal(
    abstractText('One line\rwrapped here.\rNext paragraph\r\rThird.'),
    'One line wrapped here.\n\nNext paragraph\n\nThird.',
  );
  assert.equal(abstractText('  Spaces   inside\n'), 'Spaces inside');
  assert.equal(abstractText('Results: \rNone.'), 'Results:\n\nNone.');
  assert.equal(abstractText(''), '');
});

test('odd input: a record without title, stray elements, control characters, duplicates, empty records', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" ?>\n<xml>\n<records>\n' +
    `<record><rec-number>7</rec-number><titles><title>${S(' ')}</title></titles></record>\n` +
    `${titled('Bell\u0007 and &#x1;ring', `<abstract>${S('Same text.')}</abstract>`)}\n` +
    `<note>not a record</note><note/>\n` +
    `${titled('Bell and ring', `<abstract>${S('Same text.')}</abstract>`)}\n` +
    '</records>\n</xml>\n';
  const { papers, warnings } = readEndnoteXml(xml, 'odd.xml');
  assert.equal(papers.length, 1);
  assert.equal(papers[0]!.title, 'Bell and ring');
  assert.equal(papers[0]!.sources.length, 2);
  const messages = warnings.map((w) => [w.line, w.record, w.message]);
  assert.deepEqual(messages[0], [
    5,
    undefined,
    'removed 2 control character(s) that XML does not allow, the first on line 5',
  ]);
  assert.deepEqual(messages[1], [4, 1, 'record 1 (rec-number 7) has no title: skipped']);
  assert.match(
    String(messages[2]![2]),
    /skipped 2 element\(s\) inside <records> that are not <record>, the first <note> on line 6/,
  );
  assert.match(String(messages[3]![2]), /same/i);
  assert.equal(warnings.length, 4);

  assert.deepEqual(readEndnoteXml(doc(''), 'e.xml'), { papers: [], warnings: [] });
  assert.deepEqual(readEndnoteXml('<xml><records/></xml>', 'e.xml'), { papers: [], warnings: [] });
  assert.deepEqual(readEndnoteXml('', 'e.xml'), { papers: [], warnings: [] });
});

test('malformed XML and XML that is not EndNote are CorpusErrors naming the line', () => {
  assert.throws(
    () =>
      readEndnoteXml(
        '<xml><records>\n<record>\n<titles><title>X</titl></titles></record></records></xml>',
        'bad.xml',
      ),
    (e: unknown) => e instanceof CorpusError && /not well-formed XML/.test(e.message) && e.line === 3,
  );
  assert.throws(
    () => readCorpus(enc.encode('<xml><records>\n<record>&nbsp;</record></records></xml>'), 'ent.xml'),
    (e: unknown) => e instanceof CorpusError && /not well-formed XML/.test(e.message) && e.line === 2,
  );
  assert.throws(
    () => readEndnoteXml('<xml><other/></xml>', 'o.xml'),
    /not an EndNote XML file: expected <xml><records>, found <xml> without <records>/,
  );
  assert.throws(() => readEndnoteXml('<rss/>', 'r.xml'), /found <rss>/);
});

test('.xml is dispatched by content: EndNote XML, Atom, anything else a clear error', () => {
  const endnote = fixtureText('more/endnote-small-5.xml');
  assert.equal(chooseFormat('lib.xml', endnote), 'endnote-xml');
  assert.equal(chooseFormat('lib.XML', '\uFEFF' + endnote), 'endnote-xml');
  assert.equal(chooseFormat('lib.dat', endnote), 'endnote-xml');
  assert.equal(chooseFormat('lib.xml', fixtureText('more/endnote-jabref-3.xml')), 'endnote-xml');
  assert.equal(chooseFormat('lib.xml', '<!-- exported --><xml>\n  <records/></xml>'), 'endnote-xml');
  assert.equal(chooseFormat('feed.xml', fixtureText('arxiv-atom.xml')), 'atom');
  assert.equal(chooseFormat('lib.atom', endnote), 'atom');
  assert.ok(!looksEndnoteXml('<xml><data/></xml>'));
  assert.ok(!looksEndnoteXml('<feed><records/></feed>'));
  assert.throws(
    () => readCorpus(enc.encode('<rss version="2.0"><channel/></rss>'), 'news.xml'),
    (e: unknown) =>
      e instanceof CorpusError &&
      /not an Atom feed \(nor EndNote XML\)/.test(e.message) &&
      /<rss>/.test(e.message),
  );
  // BOM and the same records pretty-printed give the same ids.
  const ids = readCorpus(enc.encode(endnote), 'a.xml').papers.map((p) => p.id);
  assert.deepEqual(
    readCorpus(enc.encode('\uFEFF' + endnote), 'a.xml').papers.map((p) => p.id),
    ids,
  );
  const pretty = endnote.replace(/<record>/g, '\r\n  <record>').replace(/<\/records>/, '\r\n</records>\r\n');
  const prettyRead = readCorpus(enc.encode(pretty), 'a.xml');
  assert.deepEqual(
    prettyRead.papers.map((p) => p.id),
    ids,
  );
  assert.deepEqual(
    prettyRead.papers.map((p) => p.sources[0]!.line),
    [2, 3, 4, 5, 6],
  );
});
