import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScreenSim } from '../../../src/cli/screenSim';
import { syntheticCorpus } from './syntheticCorpus';

const csv =
  'id,title,abstract,included\n' +
  syntheticCorpus(10)
    .map((p, i) => `${i},"${p.title}","${p.abstract}",${p.topic === 'speech' ? 1 : 0}`)
    .join('\n');

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: async (path: string) => {
        if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return new TextEncoder().encode(files[path]);
      },
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    },
  };
}

test('--json prints the documented shape, the figures in percent', async () => {
  const t = io({ 'd.csv': csv });
  assert.equal(await runScreenSim({ dataset: 'd.csv', runs: 2, json: true }, t.io), 0);
  const report = JSON.parse(t.out.join('\n'));
  assert.deepEqual(Object.keys(report), [
    'dataset',
    'records',
    'included',
    'runs',
    'wss95',
    'wss95_pooled',
    'rrf10',
    'rerank_ms_p95',
    'stop',
  ]);
  assert.equal(report.dataset, 'd.csv');
  assert.equal(report.records, 50);
  assert.equal(report.included, 10);
  assert.equal(report.runs, 2);
  // The simulation is seeded: these are its figures on this corpus (a fraction would be 0.8125 and 0.5556).
  assert.deepEqual(report.wss95, { mean: 81.25, sd: 0 });
  assert.deepEqual(report.rrf10, { mean: 55.56, sd: 0 });
  assert.equal(typeof report.rerank_ms_p95, 'number');
  assert.deepEqual(Object.keys(report.stop), [
    'recall_target',
    'confidence',
    'recall_mean',
    'recall_min',
    'target_met_runs',
    'screened_pct_mean',
  ]);
  assert.equal(report.stop.recall_target, 0.95);
  assert.equal(report.stop.confidence, 0.95);
  assert.ok(report.stop.recall_min <= report.stop.recall_mean && report.stop.recall_mean <= 100);
  assert.ok(report.stop.target_met_runs >= 0 && report.stop.target_met_runs <= 2);
  assert.ok(report.stop.screened_pct_mean > 0 && report.stop.screened_pct_mean <= 100);
});

test('text output and error exit codes', async () => {
  const ok = io({ 'd.csv': csv });
  assert.equal(await runScreenSim({ dataset: 'd.csv', runs: 1, json: false, seed: 3 }, ok.io), 0);
  assert.match(ok.out.join('\n'), /WSS@95 +\d+\.\d % ± \d+\.\d/);
  assert.match(
    ok.out.join('\n'),
    /stopping test .*: stops after \d+\.\d % screened .* target met in \d of 1 runs/,
  );

  const missing = io({});
  assert.equal(await runScreenSim({ dataset: 'nope.csv', runs: 1, json: false }, missing.io), 1);
  assert.match(missing.err[0]!, /cannot read nope\.csv/);

  const broken = io({ 'b.csv': 'title,abstract,included\n"open,x,1\n' });
  assert.equal(await runScreenSim({ dataset: 'b.csv', runs: 1, json: false }, broken.io), 1);
  assert.match(broken.err[0]!, /b\.csv:2: quoted field is never closed/);

  const unlabelled = io({ 'u.csv': 'title,abstract,included\na,b,\nc,d,1\n' });
  assert.equal(await runScreenSim({ dataset: 'u.csv', runs: 1, json: false }, unlabelled.io), 1);

  assert.equal(await runScreenSim({ dataset: 'd.csv', runs: 0, json: false }, ok.io), 2);
});
