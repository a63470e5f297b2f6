/**
 * References in the bundled CSL styles (media/csl/), formatted by citeproc-js: checked against hand-checked
 * strings and against pandoc --citeproc (the Haskell citeproc) given the same style file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatCslItems, formatReferences, referenceItem } from '../../../src/core/export/formattedCitation';
import type { Paper } from '../../../src/core/model/paper';
import { runPandocCiteproc } from '../../support/pandoc';
import { corpus } from './corpora';

const STYLES = ['apa', 'ieee', 'vancouver'] as const;
const stylePath = (name: string) => fileURLToPath(new URL(`../../../media/csl/${name}.csl`, import.meta.url));
const style = (name: string) => readFileSync(stylePath(name), 'utf8');
const locale = readFileSync(new URL('../../../media/csl/locales-en-US.xml', import.meta.url), 'utf8');

/** A real record (the Mendeley .bib fixture): a BioEssays article, title ending with PubMed's period. */
const yarmola = corpus('real-bibliography.bib').find((p) => p.title.startsWith('How depolymerization'))!;

const EXPECTED: Record<(typeof STYLES)[number], string> = {
  apa:
    'Yarmola, E. G., & Bubb, M. R. (2009). How depolymerization can promote polymerization: the case of actin ' +
    'and profilin. BioEssays : News and Reviews in Molecular, Cellular and Developmental Biology. ' +
    'https://doi.org/10.1002/bies.200900049',
  ieee:
    '[1] E. G. Yarmola and M. R. Bubb, “How depolymerization can promote polymerization: the case of actin and ' +
    'profilin,” BioEssays : news and reviews in molecular, cellular and developmental biology, 2009, doi: ' +
    '10.1002/bies.200900049.',
  vancouver:
    '1. Yarmola EG, Bubb MR. How depolymerization can promote polymerization: the case of actin and profilin. ' +
    'BioEssays : news and reviews in molecular, cellular and developmental biology [Internet]. 2009; Available ' +
    'from: http://www.ncbi.nlm.nih.gov/pubmed/19795407',
};

test('APA, IEEE and Vancouver give the hand-checked reference for a known paper', () => {
  assert.ok(yarmola);
  for (const name of STYLES)
    assert.equal(formatReferences([yarmola], style(name), locale), EXPECTED[name], name);
});

test('citeproc-js agrees with pandoc --citeproc on the same style file', () => {
  const item = { ...referenceItem(yarmola), id: 'yarmola2009' };
  for (const name of STYLES) {
    const run = runPandocCiteproc('[@yarmola2009]\n', JSON.stringify([item]), { csl: stylePath(name) });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(run.warnings, []);
    const reference = run.output.trim().split(/\n\n/).at(-1);
    assert.equal(reference, formatCslItems([item], style(name), locale)[0], name);
  }
});

test('several papers: one line each, APA sorted by author, IEEE numbered in the order given', () => {
  const [a, b] = corpus('more/csl-zotero-bbt-128.json').filter((p) => p.authors?.length);
  const apa = formatReferences([a!, b!], style('apa'), locale).split('\n');
  assert.equal(apa.length, 2);
  assert.deepEqual([...apa].sort(), apa, 'alphabetical');
  const ieee = formatReferences([b!, a!], style('ieee'), locale).split('\n');
  assert.match(ieee[0]!, /^\[1\] /);
  assert.match(ieee[1]!, /^\[2\] /);
  assert.ok(ieee[0]!.includes(b!.title.slice(0, 20)));
});

test('a reference shows no decision, tag or note, and markup in a title stays text', () => {
  const p: Paper = {
    id: 'p_x',
    title: 'Gains of <script>alert(1)</script> & co',
    abstract: '',
    authors: ['Ada Lovelace'],
    year: 1843,
    links: [],
    sources: [],
  };
  const text = formatReferences([p], style('apa'), locale);
  assert.equal(text, 'Lovelace, A. (1843). Gains of <script>alert(1)</script> & co.');
  assert.equal(formatReferences([], style('apa'), locale), '');
});
