import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeReviewerFile } from '../../../src/core/team';
import { decideMany, emptyState, serialize, type TriageState } from '../../../src/core/triage';
import { runCli } from './runCli';

const NOW = '2026-12-01T10:00:00.000Z';

/** States of two reviewers whose title/abstract table is [[ii, ie], [ei, ee]]. */
function states(ii: number, ie: number, ei: number, ee: number): [TriageState, TriageState] {
  let a = emptyState();
  let b = emptyState();
  let n = 0;
  for (const [count, x, y] of [
    [ii, 'include', 'include'],
    [ie, 'include', 'exclude'],
    [ei, 'exclude', 'include'],
    [ee, 'exclude', 'exclude'],
  ] as const) {
    for (let i = 0; i < count; i++, n++) {
      const paper = { id: `p${String(n).padStart(3, '0')}`, title: `Paper ${n}` };
      a = decideMany(a, [paper], 'titleAbstract', x, NOW);
      b = decideMany(b, [paper], 'titleAbstract', y, NOW);
    }
  }
  return [a, b];
}

test('litriage agreement --json: the issue fields, κ of the textbook table, full_text null without stage 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'litriage-agreement-'));
  try {
    const [a, b] = states(20, 5, 10, 15);
    writeFileSync(join(dir, 'alice.json'), serializeReviewerFile({ reviewer: 'alice', state: a }));
    writeFileSync(join(dir, 'bob-state.json'), serialize(b));
    const { code, stdout, stderr } = await runCli(
      'agreement',
      '--state',
      join(dir, 'alice.json'),
      '--state',
      join(dir, 'bob-state.json'),
      '--json',
    );
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.reviewers, ['alice', 'bob-state']);
    assert.equal(report.papers_compared, 50);
    assert.equal(report.percent_agreement, 70);
    assert.equal(report.cohen_kappa, 0.4);
    assert.equal(report.pabak, 0.4);
    assert.equal(typeof report.fleiss_kappa, 'number');
    assert.deepEqual(report.table.counts, [
      [20, 5],
      [10, 15],
    ]);
    assert.equal(report.full_text, null);

    const text = await runCli(
      'agreement',
      '--state',
      join(dir, 'alice.json'),
      '--state',
      join(dir, 'bob-state.json'),
    );
    assert.equal(text.code, 0);
    assert.match(text.stdout, /Title\/abstract: alice, bob-state; 50 papers decided by all/);
    assert.match(text.stdout, /agreement 70\.0 %/);
    assert.match(text.stdout, /Cohen's κ 0\.400/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('litriage agreement: κ is null (not NaN) when undefined; bad input names the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'litriage-agreement-'));
  try {
    const [a, b] = states(0, 0, 0, 4);
    writeFileSync(join(dir, 'a.json'), serialize(a));
    writeFileSync(join(dir, 'b.json'), serialize(b));
    const both = ['--state', join(dir, 'a.json'), '--state', join(dir, 'b.json')];
    const { code, stdout } = await runCli('agreement', ...both, '--json');
    assert.equal(code, 0);
    assert.ok(!stdout.includes('NaN'));
    const report = JSON.parse(stdout);
    assert.equal(report.cohen_kappa, null);
    assert.equal(report.fleiss_kappa, null);
    assert.equal(report.percent_agreement, 100);

    const one = await runCli('agreement', '--state', join(dir, 'a.json'));
    assert.equal(one.code, 1);
    assert.match(one.stderr, /two or more --state files/);

    writeFileSync(join(dir, 'broken.json'), '{ "format": "literature-triage", ');
    const broken = await runCli('agreement', ...both, '--state', join(dir, 'broken.json'));
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.json: line 1, column \d+: not valid JSON/);

    const twice = await runCli('agreement', ...both, '--state', join(dir, 'a.json'));
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /reviewer "a" is also/);

    const other = await runCli('stats', ...both);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /--state given twice/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
