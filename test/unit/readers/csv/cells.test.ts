import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorsIn, doiIn, listIn, urlsIn } from '../../../../src/core/readers/csv/cells';
import { labelValue } from '../../../../src/core/readers/csv/labels';

test('authors as the exports write them', () => {
  assert.deepEqual(authorsIn('Yang, Z.; Jiang, B.'), ['Yang, Z.', 'Jiang, B.']);
  assert.deepEqual(authorsIn('Yang, Z. and Jiang, B. and Xu, J.'), ['Yang, Z.', 'Jiang, B.', 'Xu, J.']);
  assert.deepEqual(authorsIn("Griffin DK, Larkin DM, O'Connor RE."), [
    'Griffin DK',
    'Larkin DM',
    "O'Connor RE",
  ]);
  assert.deepEqual(authorsIn('Yang, Z., Jiang, B., Xu, J.-K., Li, A.'), [
    'Yang, Z.',
    'Jiang, B.',
    'Xu, J.-K.',
    'Li, A.',
  ]);
  assert.deepEqual(authorsIn('Yang, Zixiao'), ['Yang, Zixiao']);
  assert.deepEqual(authorsIn('Yang, Z.'), ['Yang, Z.']);
  assert.deepEqual(authorsIn('Zixiao Yang'), ['Zixiao Yang']);
  assert.deepEqual(authorsIn('Doe, A\nRoe, B'), ['Doe, A', 'Roe, B']);
  assert.deepEqual(authorsIn('  '), []);
});

test('DOI and URL tokens out of polluted cells', () => {
  assert.equal(
    doiIn('10.1111/cla.12583     LK  - https://x.org/?id=doi:10.1111%2Fcla.12583'),
    '10.1111/cla.12583',
  );
  assert.equal(doiIn('https://doi.org/10.7554/eLife.80092'), '10.7554/eLife.80092');
  assert.equal(doiIn('DOI: 10.1000/abc.'), '10.1000/abc');
  assert.equal(doiIn('no doi'), undefined);
  assert.deepEqual(urlsIn('https://a.org/x&from=export     U2  - L2029880245'), [
    'https://a.org/x&from=export',
  ]);
  assert.deepEqual(urlsIn('https://a.org https://b.org https://a.org'), ['https://a.org', 'https://b.org']);
  assert.deepEqual(listIn(' a ; b;;c\nd '), ['a', 'b', 'c', 'd']);
});

test('label values', () => {
  for (const v of ['1', 'TRUE', 'yes', 'Y', 'Included', 'include', '1.0'])
    assert.equal(labelValue(v), 'include', v);
  for (const v of ['0', 'false', 'No', 'excluded', 'irrelevant', '0.0'])
    assert.equal(labelValue(v), 'exclude', v);
  for (const v of ['maybe', 'Unsure']) assert.equal(labelValue(v), 'maybe', v);
  for (const v of ['', ' ', '-1', 'NA', 'NaN', 'undecided']) assert.equal(labelValue(v), null, v);
  for (const v of ['2', 'probably', 'toString']) assert.equal(labelValue(v), undefined, v);
});
