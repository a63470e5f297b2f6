import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Paper } from '../../../src/core/model/paper';
import { mergePapers, mergePapersDetailed } from '../../../src/core/identity/merge';
import { paperId } from '../../../src/core/identity/paperId';
import { makePaper, type PaperFields } from '../../../src/core/readers/common';
import { readAtom } from '../../../src/core/readers/atom';
import { readBibtex } from '../../../src/core/readers/bibtex';
import { readListing } from '../../../src/core/readers/listing';
import { fixtureText } from '../readers/fixtures';

let n = 0;
function paper(f: Partial<PaperFields> & { title: string }, file = 'a.txt'): Paper {
  return makePaper({ abstract: '', ...f }, { file, line: ++n });
}

const ABS1 =
  'We introduce a method for speculative decoding that drafts several tokens in parallel and verifies them with the large model, doubling throughput.';
const ABS1_REWORDED =
  'We introduce a method for speculative decoding that drafts several tokens in parallel and verifies them with the large model, which doubles throughput.';
const ABS2 =
  'A survey of time series forecasting with transformers, covering datasets, benchmarks and open problems for practitioners.';

test('same DOI in two corpora: one paper, both sources, metadata filled, first corpus keeps its id', () => {
  const listing = paper({ title: 'Fast Decoding', abstract: ABS1 }, 'seed.txt');
  const bib = paper(
    {
      title: 'Fast decoding.',
      abstract:
        'Totally different text from the publisher, nothing in common with the preprint abstract at all here.',
      doi: '10.1000/FAST',
      authors: ['Ada Lovelace'],
      year: 2024,
      venue: 'Journal',
      entryType: 'article',
    },
    'refs.bib',
  );
  const listingWithDoi = { ...listing, doi: '10.1000/fast' };
  const merged = mergePapers([[listingWithDoi], [bib]]);
  assert.equal(merged.length, 1);
  const m = merged[0]!;
  assert.equal(m.id, listing.id);
  assert.deepEqual(m.aliases, [bib.id]);
  assert.equal(m.title, 'Fast Decoding');
  assert.equal(m.abstract, ABS1);
  assert.deepEqual(m.authors, ['Ada Lovelace']);
  assert.equal(m.year, 2024);
  assert.equal(m.venue, 'Journal');
  assert.equal(m.entryType, 'article');
  assert.deepEqual(
    m.sources.map((s) => s.file),
    ['seed.txt', 'refs.bib'],
  );
  // Reversing the corpus order makes the other corpus the first: its id wins, the other is an alias.
  const reversed = mergePapers([[bib], [listingWithDoi]])[0]!;
  assert.equal(reversed.id, bib.id);
  assert.deepEqual(reversed.aliases, [listing.id]);
});

test('same arXiv id (any version) merges; same title and abstract merges without any identifier', () => {
  const hf = paper({ title: 'Fast Decoding', abstract: ABS1, arxivId: '2501.00001v1' }, 'hf.json');
  const atom = paper(
    { title: 'Fast Decoding (extended)', abstract: ABS2, arxivId: 'arXiv:2501.00001v3' },
    'a.xml',
  );
  assert.equal(mergePapers([[hf], [atom]]).length, 1);
  const seed = paper({ title: 'FAST DECODING', abstract: ABS1.replace(/ /g, '\n') }, 'seed.txt');
  assert.equal(seed.id, hf.id); // same content, same id
  const merged = mergePapers([[seed], [hf]]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.aliases, undefined);
  assert.equal(merged[0]!.arxivId, '2501.00001');
  assert.equal(merged[0]!.sources.length, 2);
});

test('same title with a nearly identical abstract merges (alias kept); a different abstract stays distinct', () => {
  const a = paper({ title: 'Fast Decoding', abstract: ABS1 });
  const b = paper({ title: 'Fast decoding', abstract: ABS1_REWORDED });
  const c = paper({ title: 'Fast Decoding', abstract: ABS2 });
  assert.notEqual(a.id, b.id);
  const { papers, notes } = mergePapersDetailed([[a], [b, c]]);
  assert.equal(papers.length, 2);
  assert.equal(papers[0]!.id, a.id);
  assert.deepEqual(papers[0]!.aliases, [b.id]);
  assert.equal(papers[1]!.id, c.id);
  assert.notEqual(papers[0]!.id, papers[1]!.id);
  assert.deepEqual(notes.map((x) => x.kind).sort(), ['duplicate', 'same-title-kept-apart']);
  const apart = notes.find((x) => x.kind === 'same-title-kept-apart')!;
  assert.equal(apart.paperId, c.id);
  assert.match(apart.message, /different abstract: kept as a separate paper/);
});

test('ids of existing papers do not change when a same-title paper is added later', () => {
  const first = paper({ title: 'Deep Learning', abstract: ABS1 });
  const before = mergePapers([[first]]).map((p) => p.id);
  const later = paper({ title: 'Deep Learning', abstract: ABS2 });
  const after = mergePapers([[first, later]]).map((p) => p.id);
  assert.deepEqual(after.slice(0, 1), before);
  assert.equal(after.length, 2);
  assert.notEqual(after[1], after[0]);
  // And in a listing: appending a second "Deep Learning" block leaves the first one's id alone.
  const block = (abs: string) => `Deep Learning\n\n${abs} ${'More words to make it long. '.repeat(8)}`;
  const one = readListing(`${block(ABS1)}\n`, 'x.txt').papers;
  const two = readListing(`${block(ABS2)}\n\n${block(ABS1)}\n`, 'x.txt').papers;
  assert.ok(two.some((p) => p.id === one[0]!.id));
  assert.equal(new Set(two.map((p) => p.id)).size, 2);
});

test('an abstract-less record joins the one same-title paper, but not when two papers share the title', () => {
  const withAbs = paper({ title: 'Graph Networks', abstract: ABS1 });
  const bare = paper({ title: 'Graph networks.', year: 2020, authors: ['X'] }, 'refs.bib');
  const m = mergePapers([[withAbs], [bare]]);
  assert.equal(m.length, 1);
  assert.equal(m[0]!.year, 2020);
  assert.deepEqual(m[0]!.aliases, [bare.id]);
  const other = paper({ title: 'Graph Networks', abstract: ABS2 });
  const { papers, notes } = mergePapersDetailed([[withAbs, other], [bare]]);
  assert.equal(papers.length, 3);
  assert.ok(notes.some((x) => x.kind === 'same-title-kept-apart' && /no abstract/.test(x.message)));
});

test('a DOI shared by different titles (chapters of one book) does not merge them', () => {
  const ch1 = paper({ title: 'Chapter One: Foundations', abstract: ABS1, doi: '10.1000/book' });
  const ch2 = paper({ title: 'Chapter Two: Applications of Kernels', abstract: ABS2, doi: '10.1000/book' });
  const { papers, notes } = mergePapersDetailed([[ch1, ch2]]);
  assert.equal(papers.length, 2);
  assert.equal(notes[0]!.kind, 'same-identifier-kept-apart');
  assert.match(notes[0]!.message, /same DOI .* different title/);
  // A subtitle dropped by one source is still the same paper.
  const short = paper({ title: 'Chapter One', abstract: '', doi: '10.1000/book' });
  assert.equal(mergePapers([[ch1], [short]]).length, 1);
});

test('merging is order-independent inside a corpus and merges chains (DOI + arXiv + title)', () => {
  const a = paper({ title: 'Alpha', abstract: ABS1, doi: '10.1000/a' });
  const b = paper({
    title: 'Alpha: the full version',
    abstract: '',
    doi: '10.1000/a',
    arxivId: '2502.00002',
  });
  const c = paper({ title: 'Alpha: The Full Version', abstract: ABS2, arxivId: '2502.00002v2' });
  const d = paper({ title: 'Unrelated', abstract: ABS2 });
  const forward = mergePapers([[a, b, c, d]]);
  const backward = mergePapers([[d, c, b, a]]);
  assert.equal(forward.length, 2);
  assert.deepEqual(forward.map((p) => p.id).sort(), backward.map((p) => p.id).sort());
  const alpha = forward.find((p) => p.sources.length === 3)!;
  assert.equal(alpha.id, [a.id, b.id, c.id].sort()[0]);
});

test('real files: an arXiv Atom entry and a BibTeX entry for the same paper merge across formats', () => {
  const atom = readAtom(fixtureText('arxiv-atom.xml'), 'arxiv-atom.xml').papers;
  const bib = readBibtex(
    '@article{DelMaestro2005, title = {Thermal Melting of Density Waves on the Square Lattice}, author = {Del Maestro, Adrian and Sachdev, Subir}, journal = {Phys. Rev. B}, doi = {10.1103/PhysRevB.71.184511}, year = {2005}}',
    'mine.bib',
  ).papers;
  const merged = mergePapers([atom, bib]);
  assert.equal(merged.length, 10);
  const p = merged.find((x) => x.doi === '10.1103/PhysRevB.71.184511')!;
  assert.equal(p.arxivId, 'cond-mat/0412498');
  assert.equal(p.entryType, 'article');
  assert.deepEqual(
    p.sources.map((s) => s.file),
    ['arxiv-atom.xml', 'mine.bib'],
  );
  assert.equal(p.id, atom[1]!.id);
  // The seed read twice (e.g. two workspace folders) is 52 papers, each with two sources.
  const seed = fixtureSeed();
  const twice = mergePapers([readListing(seed, 'a/seed.txt').papers, readListing(seed, 'b/seed.txt').papers]);
  assert.equal(twice.length, 52);
  for (const x of twice) assert.equal(x.sources.length, 2);
});

test('paperId is what makePaper assigns', () => {
  const p = paper({ title: 'T', abstract: ABS1, doi: 'doi:10.1000/x' });
  assert.equal(p.id, paperId({ title: 'T', abstract: ABS1 }));
  assert.equal(p.doi, '10.1000/x');
});

function fixtureSeed(): string {
  // The seed lives in seeds/, not in the fixtures.
  return readFileSync(new URL('../../../seeds/hf-daily-papers-seed.txt', import.meta.url), 'utf8');
}
