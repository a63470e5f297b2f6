import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latentSpace, wordLatentSpace } from '../../../src/core/screening/lsa';
import { buildFeatures, DEFAULT_FEATURE_OPTIONS } from '../../../src/core/screening/tfidf';
import { syntheticCorpus } from './syntheticCorpus';

const papers = syntheticCorpus(8);
const matrix = buildFeatures(papers, DEFAULT_FEATURE_OPTIONS);

test('doc vectors are unit-length projections x·V of the TF-IDF rows', () => {
  const space = wordLatentSpace(matrix, 5, 1);
  const k = space.dims;
  assert.equal(k, 5);
  for (let d = 0; d < matrix.nDocs; d++) {
    const projected = new Float64Array(k);
    for (let p = matrix.rowStart[d]!; p < matrix.rowStart[d + 1]!; p++) {
      for (let c = 0; c < k; c++)
        projected[c]! += matrix.vals[p]! * space.termVectors[matrix.cols[p]! * k + c]!;
    }
    let norm = 0;
    for (let c = 0; c < k; c++) {
      norm += space.docVectors[d * k + c]! ** 2;
      assert.ok(Math.abs(projected[c]! - space.docNorms[d]! * space.docVectors[d * k + c]!) < 1e-5);
    }
    assert.ok(Math.abs(norm - 1) < 1e-9);
  }
});

test('phrases get no latent vector in the word space', () => {
  const space = wordLatentSpace(matrix, 5, 1);
  const phrase = matrix.terms.findIndex((t) => t.includes(' '));
  assert.ok(phrase >= 0);
  assert.ok(space.termVectors.subarray(phrase * 5, phrase * 5 + 5).every((v) => v === 0));
});

test('term vectors are orthonormal (right singular vectors)', () => {
  const space = latentSpace(matrix, 4, 1);
  const k = space.dims;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let dot = 0;
      for (let j = 0; j < matrix.nCols; j++)
        dot += space.termVectors[j * k + a]! * space.termVectors[j * k + b]!;
      assert.ok(Math.abs(dot - (a === b ? 1 : 0)) < 1e-4, `V[${a}]·V[${b}] = ${dot}`);
    }
  }
});

test('papers on one subject are closer in the latent space than papers on different subjects', () => {
  const space = wordLatentSpace(matrix, 5, 1);
  const k = space.dims;
  const cosine = (a: number, b: number): number => {
    let s = 0;
    for (let c = 0; c < k; c++) s += space.docVectors[a * k + c]! * space.docVectors[b * k + c]!;
    return s;
  };
  let same = 0;
  let sameCount = 0;
  let other = 0;
  let otherCount = 0;
  for (let a = 0; a < papers.length; a++) {
    for (let b = a + 1; b < papers.length; b++) {
      if (papers[a]!.topic === papers[b]!.topic) {
        same += cosine(a, b);
        sameCount++;
      } else {
        other += cosine(a, b);
        otherCount++;
      }
    }
  }
  assert.ok(same / sameCount > 0.8, `same subject ${same / sameCount}`);
  assert.ok(other / otherCount < 0.3, `different subjects ${other / otherCount}`);
});

test('the same corpus and seed give the same space', () => {
  assert.deepEqual(wordLatentSpace(matrix, 5, 9), wordLatentSpace(matrix, 5, 9));
});
