import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CorpusError, type ReadResult } from '../../../../src/core/model/paper';
import { readCorpus } from '../../../../src/core/readers';
import { enc, fixtureBytes, isNfc } from '../fixtures';

const read = (text: string, file = 'f.csv'): ReadResult => readCorpus(enc.encode(text), file);
const screening = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/screening/${name}`, import.meta.url)));
const messages = (r: ReadResult): string[] => r.warnings.map((w) => `${w.line ?? '-'}: ${w.message}`);

test('real Rayyan export: polluted DOI and URL cells, BibTeX-style authors, decisions in the notes', () => {
  const r = readCorpus(fixtureBytes('more/rayyan-export.csv'), 'rayyan-export.csv');
  assert.equal(r.papers.length, 10);
  assert.deepEqual(r.warnings, []);
  for (const p of r.papers) {
    assert.match(p.doi!, /^10\.\d{4,9}\/\S+$/, p.doi);
    assert.ok(!/\s|LK|worldcat/.test(p.doi!), p.doi);
    assert.match(p.url!, /^https:\/\/www\.embase\.com\/search\/results\?\S+&from=export$/, p.url);
    assert.equal(p.year, 2024);
    assert.ok(isNfc(p.title) && isNfc(p.abstract));
  }
  const first = r.papers.find((p) => p.title.startsWith('Cellular structure of dinosaur scales'))!;
  assert.equal(first.doi, '10.1038/s41467-024-48400-3');
  assert.deepEqual(first.authors, ['Yang, Z.', 'Jiang, B.', 'Xu, J.', 'McNamara, M.E.']);
  assert.equal(first.venue, 'Nat. Commun.');
  assert.equal(first.keywords?.[0], 'keratin');
  assert.ok(first.keywords!.includes('animal scales'));
  assert.equal(r.papers.filter((p) => p.abstract === '').length, 2);

  const decisions = r.decisions!;
  assert.deepEqual(
    decisions.map((d) => [d.line, d.status]),
    [
      [2, 'include'],
      [3, 'include'],
      [4, 'maybe'],
      [5, 'maybe'],
      [6, 'exclude'],
      [7, 'exclude'],
    ],
  );
  const ids = new Set(r.papers.map((p) => p.id));
  assert.ok(decisions.every((d) => ids.has(d.paperId) && d.file === 'rayyan-export.csv'));
  assert.equal(decisions[0]!.paperId, first.id);
  assert.ok(decisions.every((d) => d.note === undefined && d.reason === undefined));
});

test('Rayyan notes: several reviewers, exclusion reasons, labels and user notes', () => {
  const notes = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const text = [
    'key,title,abstract,notes',
    `r1,Agreed exclusion,A.,${notes('Imported note | RAYYAN-INCLUSION: {"Ana"=>"Excluded", "Bo"=>"Excluded"} | RAYYAN-LABELS: rct,__EXR__wrong outcome | RAYYAN-EXCLUSION-REASONS: wrong population,background article | USER-NOTES: {"Ana"=>["check table 2", "ask Bo"]}')}`,
    `r2,A conflict,B.,${notes('RAYYAN-INCLUSION: {"Ana"=>"Included", "Bo"=>"Excluded"}')}`,
    `r3,Agreed inclusion,C.,${notes('RAYYAN-INCLUSION: {"Ana"=>"Included"} | RAYYAN-LABELS: handball, mood')}`,
    `r4,Odd verdict,D.,${notes('RAYYAN-INCLUSION: {"Ana"=>"Postponed"}')}`,
  ].join('\n');
  const r = read(text, 'rayyan.csv');
  assert.equal(r.papers.length, 4);
  assert.deepEqual(
    r.decisions!.map(({ paperId: _, file: __, ...d }) => d),
    [
      {
        status: 'exclude',
        line: 2,
        reason: 'wrong outcome, wrong population, background article',
        note: 'Imported note\nAna: check table 2\nAna: ask Bo',
        tags: ['rct'],
      },
      { status: 'maybe', line: 3 },
      { status: 'include', line: 4, tags: ['handball', 'mood'] },
    ],
  );
  const shown = messages(r);
  assert.ok(
    shown.includes('3: Rayyan reviewers disagree (Ana: Included, Bo: Excluded): read as maybe'),
    shown.join('\n'),
  );
  assert.ok(shown.includes('5: Rayyan verdict "Postponed" is not a decision'), shown.join('\n'));
});

test('ASReview-style file: label_included, exclusion reason, tags and note; empty and -1 are undecided', () => {
  const text =
    'record_id,title,abstract,authors,year,doi,label_included,exclusion_reason,tags,note\r\n' +
    '1,First paper,"Two\r\nlines.",Doe J; Roe A,2021,https://doi.org/10.1000/ABC,1,,method; rct,Read it\r\n' +
    '2,Second paper,B.,"Roe, A. and Poe, B.",2019,doi:10.1000/x.y.,0,wrong population,,\r\n' +
    '3,Third paper,C.,,2018,,,,,\r\n' +
    '4,Fourth paper,D.,,2018,,-1,,,\r\n' +
    '5,Fifth paper,E.,,,,1,wrong design,,\r\n';
  const r = read(text, 'asreview.csv');
  assert.deepEqual(r.warnings, []);
  assert.equal(r.papers.length, 5);
  const first = r.papers[0]!;
  assert.equal(first.abstract, 'Two\nlines.');
  assert.deepEqual(first.authors, ['Doe J', 'Roe A']);
  assert.equal(first.doi, '10.1000/ABC');
  assert.deepEqual(r.papers[1]!.authors, ['Roe, A.', 'Poe, B.']);
  assert.equal(r.papers[1]!.doi, '10.1000/x.y');
  assert.deepEqual(
    r.decisions!.map(({ paperId: _, file: __, ...d }) => d),
    [
      { status: 'include', line: 2, note: 'Read it', tags: ['method', 'rct'] },
      { status: 'exclude', line: 4, reason: 'wrong population' },
      // A reason goes with an exclusion only.
      { status: 'include', line: 7 },
    ],
  );
});

test('Covidence export: the decision is the list its file name names; authors by ";"', () => {
  const text =
    'Title,Authors,Abstract,Published Year,Published Month,Journal,Volume,Issue,Pages,Accession Number,DOI,Ref,Covidence #,Study,Notes,Tags,Exclusion reason\n' +
    'A juvenile bird,"Brownstein, C.D.",Living birds.,2024,,BMC ecology and evolution,24,1,20,,10.1186/s12862-024-02210-9,,#10,Brownstein 2024,"","",Wrong outcome\n' +
    'A new dinosaur,"Longrich, N.R.; Bardet, N.",In the Late Cretaceous.,2024,,Scientific reports,14,1,3665,,10.1038/s41598-024-53447-9,,#9,Longrich 2024,"","",\n';
  const excluded = read(text, 'exports/review_283729_excluded_csv_20240320131759.csv');
  assert.deepEqual(excluded.warnings, []);
  assert.deepEqual(excluded.papers[1]!.authors, ['Longrich, N.R.', 'Bardet, N.']);
  assert.equal(excluded.papers[1]!.venue, 'Scientific reports');
  assert.equal(excluded.papers[1]!.year, 2024);
  assert.deepEqual(
    excluded.decisions!.map((d) => [d.line, d.status, d.reason]),
    [
      [2, 'exclude', 'Wrong outcome'],
      [3, 'exclude', undefined],
    ],
  );
  const statuses = (file: string) => read(text, file).decisions!.map((d) => d.status);
  assert.deepEqual(statuses('review_1_included_csv_20240101.csv'), ['include', 'include']);
  assert.deepEqual(statuses('review_1_irrelevant_csv_20240101.csv'), ['exclude', 'exclude']);
  assert.deepEqual(statuses('review_1_select_csv_20240101.csv'), ['include', 'include']);
  // A Covidence list not yet screened, or a file not named by Covidence: no decisions.
  assert.deepEqual(statuses('review_1_screen_csv_20240101.csv'), []);
  assert.deepEqual(statuses('my excluded papers.csv'), []);
});

test('TSV: tab-separated, quotes that do not quote a field kept as text (Citavi), several URLs', () => {
  const text =
    'Reference Type\tAuthors, Primary\tTitle Primary\tPub Year\tAbstract\tURL\tDOI\tPMID\t\n' +
    'Journal Article\tLenferink,Lonneke I. M.;Boelen,Paul A.\tPTSD treatment in times of COVID-19\t2020\tMeasures as "social distancing", forcing care online.\thttps://a.org/1 https://b.org/2\t10.1016/j.psychres.2020.113438\t32905864\t\n' +
    'Journal Article\tvan Loon,Kim\t"Non-Invasive" monitoring\t2015\t \t\t\t\t\n';
  const r = read(text, 'citavi.tsv');
  assert.equal(r.papers.length, 2);
  const [ptsd, loon] = r.papers;
  assert.equal(ptsd!.abstract, 'Measures as "social distancing", forcing care online.');
  assert.deepEqual(ptsd!.authors, ['Lenferink,Lonneke I. M.', 'Boelen,Paul A.']);
  assert.equal(ptsd!.url, 'https://a.org/1');
  assert.deepEqual(ptsd!.links, ['https://b.org/2']);
  assert.equal(ptsd!.pmid, '32905864');
  assert.equal(loon!.title, '"Non-Invasive" monitoring');
  assert.equal(loon!.abstract, '');
  assert.deepEqual(messages(r), ['2: 2 fields with a " that does not quote them: read as text, quotes kept']);
  assert.deepEqual(r.decisions, []);
});

test('delimiter from the header: ";" (a spreadsheet in a comma-decimal locale) and PubMed-style authors', () => {
  const r = read(
    "\uFEFFPMID;Title;Authors;Publication Year\n30922926;Time lapse;Griffin DK, Larkin DM, O'Connor RE.;2020\n",
  );
  assert.equal(r.papers[0]!.title, 'Time lapse');
  assert.deepEqual(r.papers[0]!.authors, ['Griffin DK', 'Larkin DM', "O'Connor RE"]);
  assert.equal(r.papers[0]!.pmid, '30922926');
});

test('PMID makes duplicates one paper; rows of one paper keep one decision, or none when they disagree', () => {
  const text =
    'title,abstract,pmid,included\n' +
    'Same paper,First wording of it.,123,1\n' +
    'Same paper,,123,1\n' +
    'Other paper,Text.,,1\n' +
    'Other paper,Text.,,0\n';
  const r = read(text, 'dup.csv');
  assert.equal(r.papers.length, 2);
  assert.deepEqual(
    r.decisions!.map((d) => [d.paperId, d.status, d.line]),
    [[r.papers.find((p) => p.pmid === '123')!.id, 'include', 2]],
  );
  assert.ok(
    messages(r).includes(
      '4: rows at lines 4 and 5 are the same paper with different decisions (include, exclude): neither is taken',
    ),
    messages(r).join('\n'),
  );
});

test('odd rows: ragged, untitled, unknown label — each a warning naming its line', () => {
  const text =
    'id,title,abstract,included\n' +
    '1,Short row,Text\n' +
    '2,Long row,Text,1,extra\n' +
    '3,Trailing delimiter,Text,1,\n' +
    '4,,No title here,1\n' +
    '5,Odd label,Text,probably\n';
  const r = read(text, 'odd.csv');
  assert.deepEqual(
    r.papers.map((p) => p.title),
    ['Short row', 'Long row', 'Trailing delimiter', 'Odd label'],
  );
  assert.deepEqual(messages(r), [
    '2: row has 3 fields, the header 4: read by position, the missing ones empty',
    '3: row has 5 fields, the header 4: read by position, the extra fields ignored',
    '5: row 4 (id 4) has no title: skipped with its decision (include)',
    '6: label "probably" is not a decision (1/0, yes/no, include/exclude, maybe or empty): the row is read without one',
  ]);
  assert.deepEqual(
    r.decisions!.map((d) => d.line),
    [3, 4],
  );
});

test('a header without a title column is an error naming the file and line; empty files are 0 papers', () => {
  const fails = (text: string, file: string, line: number, pattern: RegExp) =>
    assert.throws(
      () => read(text, file),
      (e: unknown) =>
        e instanceof CorpusError && e.file === file && e.line === line && pattern.test(e.message),
    );
  fails('name,abstract\nA,B\n', 'people.csv', 1, /^people\.csv:1: no title column in the header/);
  fails('\n\nname;abstract\nA;B\n', 'later.csv', 3, /no title column .*split at ";"/);
  fails('just one column\nA\n', 'one.csv', 1, /one column: is it delimited\?/);
  for (const empty of ['', '\n\n', '\uFEFF']) {
    assert.deepEqual(read(empty, 'empty.csv'), { papers: [], warnings: [], decisions: [] });
  }
  assert.deepEqual(read('title\tabstract\r\n', 'header.tsv').papers, []);
  // A comma-separated file saved as .tsv: one column.
  fails('title,abstract\nA,B\n', 'commas.tsv', 1, /one column: is it delimited\?/);
  // An unclosed quote does not swallow the file: the field is read as text.
  const open = read('title,abstract\n"Open quote title,x\nNext,y\n');
  assert.deepEqual(
    open.papers.map((p) => p.title),
    ['"Open quote title', 'Next'],
  );
});

test('the screening datasets read as corpora: every label kept as a decision, merges and conflicts reported', () => {
  const nudging = readCorpus(screening('nudging.csv'), 'nudging.csv');
  assert.equal(
    nudging.papers.reduce((n, p) => n + p.sources.length, 0),
    1847,
  );
  const count = (r: ReadResult, status: string) => r.decisions!.filter((d) => d.status === status).length;
  assert.equal(count(nudging, 'include'), 100);
  assert.equal(count(nudging, 'exclude'), nudging.papers.length - 100);
  assert.equal(new Set(nudging.decisions!.map((d) => d.paperId)).size, nudging.papers.length);

  const wilson = readCorpus(screening('wilson.csv'), 'wilson.csv');
  assert.equal(
    wilson.papers.reduce((n, p) => n + p.sources.length, 0),
    2333 - 1,
    'one row has no title',
  );
  assert.ok(messages(wilson).some((m) => /^789: row 788 \(id 1129\) has no title: skipped/.test(m)));
  // Lines 20 (included) and 149 (excluded) are one paper: neither decision is taken.
  assert.ok(messages(wilson).some((m) => /lines 20 and 149 .* different decisions/.test(m)));
  assert.equal(count(wilson, 'include'), 22);
  assert.equal(wilson.decisions!.length, wilson.papers.length - 1);
});
