import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32, cyrb53, hashText } from '../../../src/core/identity/hash';
import {
  abstractFingerprint,
  cleanDoi,
  doiKey,
  foldText,
  normalizeArxivId,
  titleKey,
} from '../../../src/core/identity/normalize';
import { discriminator, paperId } from '../../../src/core/identity/paperId';

const ABSTRACT =
  'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.';

test('ids are pinned: the same content gives the same id in every release (tags depend on it)', () => {
  assert.equal(cyrb53(''), 3338908027751811);
  assert.equal(cyrb53('a'), 7929297801672961);
  assert.equal(cyrb53('Fréchet', 1), 8317827786842995);
  assert.equal(hashText('hello', 10), '3f79hwtwh6');
  assert.equal(paperId({ title: 'Attention Is All You Need', abstract: ABSTRACT }), 'p_zdnd748j4zhyca');
  assert.equal(paperId({ title: 'Attention Is All You Need', abstract: '' }), 'p_zdnd748j4z02f1');
  assert.equal(
    paperId({ title: 'Attention Is All You Need', abstract: '', doi: '10.5555/3295222.3295349' }),
    'p_zdnd748j4z94d6',
  );
});

test('id shape: p_ + 14 Crockford base32 characters', () => {
  assert.match(paperId({ title: 'x', abstract: 'y' }), /^p_[0-9a-hjkmnp-tv-z]{14}$/);
  assert.equal(base32(0, 4), '0000');
  assert.equal(base32(31, 2), '0z');
  assert.equal(base32(2 ** 50 - 1, 10), 'zzzzzzzzzz');
});

test('title key: case, diacritics, punctuation, white space, zero-width, NFKC and LaTeX accents do not matter', () => {
  const key = titleKey('Fréchet Auto-Regressive Models: A Survey');
  for (const variant of [
    'frechet autoregressive models a survey',
    'FRÉCHET   AUTO REGRESSIVE\tMODELS — A SURVEY.',
    'Fre\u0301chet Auto\u200B-Regressive Mo\u00ADdels: A Survey', // decomposed é, ZWSP, soft hyphen
    "Fr\\'{e}chet Auto-Regressive Models: {A} Survey", // LaTeX accent and braces
    "Fr\\'echet Auto-Regressive Models: A Survey",
    'Ｆréchet Auto-Regressive Models: A Survey', // full-width F (NFKC)
  ]) {
    assert.equal(titleKey(variant), key, variant);
  }
  assert.equal(titleKey('ﬁne-tuning'), titleKey('fine tuning')); // ligature
  assert.equal(titleKey('Straße'), titleKey('STRASSE'));
  assert.equal(titleKey('Łódź Ørsted'), titleKey('Lodz Orsted'));
  assert.equal(titleKey('\\c{C}a\\~{n}on'), titleKey('Çañon'));
  assert.notEqual(titleKey('Scaling laws for transfer'), titleKey('Scaling laws for transformers'));
  assert.equal(foldText('α-Helix 3D'), 'αhelix3d'); // non-Latin letters and digits are kept
});

test('abstract fingerprint: re-wrapping and trailing additions do not matter, a different abstract does', () => {
  const LONG = `${ABSTRACT} The best performing models also connect the encoder and decoder through an attention mechanism.`;
  const fp = abstractFingerprint(LONG);
  assert.equal(abstractFingerprint(LONG.replace(/ /g, '\n')), fp);
  assert.equal(abstractFingerprint(`Abstract: ${LONG}`), fp);
  assert.equal(
    abstractFingerprint(`${LONG} We propose a new simple network architecture. © 2017 NeurIPS.`),
    fp,
  );
  assert.notEqual(abstractFingerprint('We study something else entirely, with other words.'), fp);
  assert.equal(abstractFingerprint(''), '');
  // A short abstract is used whole.
  assert.equal(abstractFingerprint('Tiny, abstract.'), 'tinyabstract');
  // A 1 MB abstract is fingerprinted from its start only.
  const t0 = performance.now();
  assert.equal(abstractFingerprint(LONG + ' x'.repeat(500_000)), fp);
  assert.ok(performance.now() - t0 < 200);
});

test('DOI and arXiv id normal forms', () => {
  assert.equal(cleanDoi('https://doi.org/10.1000/ABC.1'), '10.1000/ABC.1');
  assert.equal(cleanDoi('http://dx.doi.org/10.1000/abc.'), '10.1000/abc');
  assert.equal(cleanDoi('doi: 10.1000/a%2Fb'), '10.1000/a/b');
  assert.equal(cleanDoi('not a doi'), undefined);
  assert.equal(cleanDoi(undefined), undefined);
  assert.equal(doiKey('DOI:10.1000/ABC'), '10.1000/abc');
  const cases: [string, string | undefined][] = [
    ['2509.24006', '2509.24006'],
    ['2509.24006v3', '2509.24006'],
    ['arXiv:1201.4869v1', '1201.4869'],
    ['http://arxiv.org/abs/1201.4869v1', '1201.4869'],
    ['https://arxiv.org/pdf/2608.12440', '2608.12440'],
    ['https://arxiv.org/pdf/2608.12440v2.pdf', '2608.12440'],
    ['0704.0001', '0704.0001'],
    ['http://arxiv.org/abs/cond-mat/0412498v1', 'cond-mat/0412498'],
    ['math.GT/0309136', 'math.GT/0309136'],
    ['arXiv:Math.gt/0309136v1', 'math.GT/0309136'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['no id here', undefined],
    ['12345.678', undefined],
  ];
  for (const [raw, want] of cases) assert.equal(normalizeArxivId(raw), want, raw);
});

test('same title, different abstract: same title part, different ids; abstract-less records use DOI / arXiv', () => {
  const a = paperId({
    title: 'Deep Learning',
    abstract: 'We review deep learning methods and their history.',
  });
  const b = paperId({
    title: 'Deep learning.',
    abstract: 'A book chapter on neural networks and optimisation.',
  });
  assert.notEqual(a, b);
  assert.equal(a.slice(0, 12), b.slice(0, 12), 'the same title gives the same first 10 characters after p_');
  const d1 = paperId({ title: 'Editorial', abstract: '', doi: '10.1000/one' });
  const d2 = paperId({ title: 'Editorial', abstract: '', doi: '10.1000/two' });
  assert.notEqual(d1, d2);
  assert.equal(paperId({ title: 'Editorial', abstract: '', doi: 'https://doi.org/10.1000/ONE' }), d1);
  assert.equal(
    discriminator({ title: 'x', abstract: '', arxivId: 'arXiv:2501.00001v2' }),
    'arxiv:2501.00001',
  );
  // With an abstract, DOI and arXiv id do not enter the id: a listing and a BibTeX file agree.
  assert.equal(
    paperId({
      title: 'Deep Learning',
      abstract: 'We review deep learning methods and their history.',
      doi: '10.1/x',
    }),
    a,
  );
  // A record without a usable title is keyed by its discriminator alone.
  assert.notEqual(
    paperId({ title: '', abstract: 'One text.' }),
    paperId({ title: '', abstract: 'Another text.' }),
  );
  assert.equal(
    paperId({ title: '...', abstract: 'One text.' }),
    paperId({ title: '', abstract: 'One text.' }),
  );
});
