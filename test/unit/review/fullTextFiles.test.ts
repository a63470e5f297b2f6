import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForFileName, matchFullTexts } from '../../../src/core/review/fullTextFiles';

test('a DOI is found under its usual file-name spellings, an arXiv id with or without a version', () => {
  const papers = [
    { id: 'a', doi: '10.1016/j.cell.2020.01.001' },
    { id: 'b', doi: 'https://doi.org/10.1038/S41586-021-03819-2' },
    { id: 'c', doi: '10.1000/xyz(123)' },
    { id: 'd', arxivId: '2401.01234v3' },
    { id: 'e', arxivId: 'hep-th/9901001' },
    { id: 'f', doi: '10.5555/nothing.here' },
  ];
  const files = [
    'pdfs/10.1016_j.cell.2020.01.001.pdf',
    'pdfs/Jumper 2021 - 10.1038-s41586-021-03819-2.PDF',
    'pdfs/10.1000%2Fxyz%28123%29.pdf',
    'pdfs/arxiv/2401.01234v2.pdf',
    'pdfs/hep-th_9901001.pdf',
    'pdfs/unrelated.pdf',
  ];
  const { found, ambiguous } = matchFullTexts(papers, files);
  assert.deepEqual(Object.fromEntries(found), {
    a: files[0],
    b: files[1],
    c: files[2],
    d: files[3],
    e: files[4],
  });
  assert.equal(ambiguous.size, 0);
});

test('an id is a whole part of the name; a file two ids fit goes to the longer; ties are left to the user', () => {
  const papers = [
    { id: 'short', doi: '10.1000/x.1' },
    { id: 'long', doi: '10.1000/x.1.2' },
    { id: 'twice', doi: '10.2000/twice' },
    { id: 'prefix', arxivId: '2401.0123' },
  ];
  const files = [
    '10.1000_x.12.pdf',
    '10.1000_x.1.2.pdf',
    'a/10.2000_twice.pdf',
    'b/10.2000-twice.pdf',
    '2401.01234.pdf',
  ];
  const { found, ambiguous } = matchFullTexts(papers, files);
  assert.deepEqual(Object.fromEntries(found), { long: '10.1000_x.1.2.pdf' });
  assert.deepEqual(Object.fromEntries(ambiguous), { twice: ['a/10.2000_twice.pdf', 'b/10.2000-twice.pdf'] });
});

test('folding: case, percent-escapes and separators; a stray % is kept', () => {
  assert.equal(foldForFileName('10.1000%2FABC-d'), '10_1000_abc_d');
  assert.equal(foldForFileName('50%_off'), '50_off');
  assert.equal(foldForFileName('Ünïcode—名前'), 'ünïcode_名前');
});
