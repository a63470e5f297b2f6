import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cohenKappa,
  fleissKappa,
  meanPairwiseAgreement,
  observedAgreement,
  pabak,
} from '../../../src/core/team';

const close = (actual: number | null, expected: number, digits = 10) => {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `expected ${expected}, got ${actual}`);
};

test("Cohen's κ on the textbook 2×2 tables", () => {
  // 50 proposals read by two reviewers (the classic grant-proposal example): pₒ 0.7, pₑ 0.5.
  close(
    cohenKappa([
      [20, 5],
      [10, 15],
    ]),
    0.4,
  );
  // Same pₒ 0.6 with different marginals: κ 0.06 / 0.46 and 0.14 / 0.54.
  close(
    cohenKappa([
      [45, 15],
      [25, 15],
    ]),
    0.06 / 0.46,
  );
  close(
    cohenKappa([
      [25, 35],
      [5, 35],
    ]),
    0.14 / 0.54,
  );
});

test("Cohen's κ and PABAK on a 3×3 table computed by hand", () => {
  const table = [
    [10, 2, 3],
    [1, 8, 1],
    [4, 0, 21],
  ];
  // pₒ = 39/50; both raters' marginals 15, 10, 25: pₑ = (225 + 100 + 625) / 2500 = 0.38.
  close(observedAgreement(table), 0.78);
  close(cohenKappa(table), (0.78 - 0.38) / 0.62);
  close(pabak(0.78, 3), (3 * 0.78 - 1) / 2);
  close(pabak(0.7, 2), 0.4);
});

test("Fleiss' κ on the worked example of 14 raters, 10 subjects, 5 categories", () => {
  const counts = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  // P̄ = 0.378, P̄ₑ = 0.2128 (column shares 0.143, 0.200, 0.279, 0.150, 0.229): κ ≈ 0.210.
  close(meanPairwiseAgreement(counts), 0.378, 3);
  close(fleissKappa(counts), 0.21, 2);
  const observed = meanPairwiseAgreement(counts)!;
  const shares = [20, 28, 39, 21, 32].map((n) => n / 140);
  const chance = shares.reduce((s, p) => s + p * p, 0);
  close(fleissKappa(counts), (observed - chance) / (1 - chance));
});

test('undefined statistics are null, never NaN', () => {
  assert.equal(cohenKappa([]), null);
  assert.equal(
    cohenKappa([
      [0, 0],
      [0, 0],
    ]),
    null,
  );
  // Both reviewers excluded everything: pₑ = 1.
  assert.equal(
    cohenKappa([
      [0, 0],
      [0, 12],
    ]),
    null,
  );
  assert.equal(fleissKappa([]), null);
  assert.equal(
    fleissKappa([
      [0, 3],
      [0, 3],
    ]),
    null,
  );
  // Subjects with different numbers of raters, or one rater: not a Fleiss table.
  assert.equal(
    fleissKappa([
      [1, 2],
      [2, 0],
    ]),
    null,
  );
  assert.equal(fleissKappa([[1, 0]]), null);
  assert.equal(pabak(null, 2), null);
  assert.equal(pabak(0.5, 1), null);
  assert.equal(observedAgreement([]), null);
});

test('κ is 1 for perfect agreement and negative below chance', () => {
  close(
    cohenKappa([
      [7, 0],
      [0, 5],
    ]),
    1,
  );
  assert.ok(
    cohenKappa([
      [0, 6],
      [6, 0],
    ])! < 0,
  );
  close(
    fleissKappa([
      [3, 0],
      [0, 3],
    ]),
    1,
  );
});
