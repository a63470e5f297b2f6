import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkReviewerId,
  loadReviewerSet,
  parseReviewerFile,
  serializeReviewerFile,
} from '../../../src/core/team';
import {
  addTag,
  decideMany,
  emptyState,
  merge,
  parse,
  serialize,
  setNote,
  StateFileError,
  type TriageState,
} from '../../../src/core/triage';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-01T11:00:00.000Z';
const p1 = { id: 'p_1', title: 'Speculative decoding' };
const p2 = { id: 'p_2', title: 'Diffusion for text' };

function decided(): TriageState {
  let state = decideMany(emptyState(), [p1], 'titleAbstract', 'include', T1);
  state = decideMany(state, [p2], 'titleAbstract', 'exclude', T1, 'Wrong population');
  return state;
}

function problemOf(raw: string): string {
  const check = checkReviewerId(raw);
  assert.ok('problem' in check, `${raw} should be refused`);
  return check.problem;
}

test('a reviewer file is the state file format with "reviewer" between papers and version', () => {
  const text = serializeReviewerFile({ reviewer: 'alice@example.org', state: decided() });
  const plain = serialize(decided());
  assert.equal(text, plain.replace('\n  "version"', '\n  "reviewer": "alice@example.org",\n  "version"'));
  const back = parseReviewerFile(text);
  assert.equal(back.reviewer, 'alice@example.org');
  assert.deepEqual(back.state, decided());
  assert.equal(serializeReviewerFile(back), text);
});

test('the state file refuses "reviewer", and a reviewer file needs one in canonical form', () => {
  const text = serializeReviewerFile({ reviewer: 'alice', state: decided() });
  assert.throws(() => parse(text), /line \d+, column 3: "reviewer" belongs in a team reviewer file/);
  assert.throws(() => parseReviewerFile(serialize(decided())), /needs a "reviewer" member/);
  assert.throws(
    () => parseReviewerFile(text.replace('"reviewer": "alice"', '"reviewer": "Alice"')),
    (e: unknown) =>
      e instanceof StateFileError && /canonical form "alice"/.test(e.message) && e.position?.column === 3,
  );
  assert.throws(
    () => parseReviewerFile(text.replace('"reviewer": "alice"', '"reviewer": "../x"')),
    /contains a path/,
  );
  assert.throws(
    () => parseReviewerFile(text.replace('"reviewer": "alice"', '"reviewer": 7')),
    /non-empty string/,
  );
});

test('reviewer ids: e-mail addresses and names are fine, paths and device names are not', () => {
  assert.deepEqual(checkReviewerId(' Alice.Smith+review@Example.org '), {
    id: 'alice.smith+review@example.org',
  });
  assert.deepEqual(checkReviewerId('jörg_2'), { id: 'jörg_2' });
  assert.match(problemOf('../x'), /path/);
  assert.match(problemOf('a/b'), /path/);
  assert.match(problemOf('a\\b'), /path/);
  assert.match(problemOf('a..b'), /path/);
  assert.match(problemOf(''), /empty/);
  assert.match(problemOf('.hidden'), /start with a letter or digit/);
  assert.match(problemOf('a b'), /only letters/);
  assert.match(problemOf('x:y'), /only letters/);
  assert.match(problemOf('nul'), /device name/);
  assert.match(problemOf('COM1.txt'), /device name/);
  assert.match(problemOf('alice.'), /end with a dot/);
  assert.match(problemOf('a'.repeat(65)), /longer than 64/);
});

test('a folder of reviewer files: a corrupt file is named with its line, the others still load', () => {
  const alice = serializeReviewerFile({ reviewer: 'alice', state: decided() });
  const bob = serializeReviewerFile({ reviewer: 'bob', state: emptyState() });
  const broken = alice
    .replace('"include"', '"include",,')
    .replace('"reviewer": "alice"', '"reviewer": "carol"');
  const set = loadReviewerSet([
    { name: 'bob.json', text: bob },
    { name: 'carol.json', text: broken },
    { name: 'alice.json', text: alice },
  ]);
  assert.deepEqual(
    set.reviewers.map((r) => r.reviewer),
    ['alice', 'bob'],
  );
  assert.equal(set.problems.length, 1);
  assert.equal(set.problems[0]!.name, 'carol.json');
  assert.match(set.problems[0]!.message, /^line \d+, column \d+: not valid JSON/);
});

test('two files claiming one reviewer: the one named after the id loads, the other is refused by name', () => {
  const alice = serializeReviewerFile({ reviewer: 'alice', state: decided() });
  const set = loadReviewerSet([
    { name: 'alice.json', text: alice },
    { name: 'alice-copy.json', text: alice },
    { name: 'dave.json', text: alice },
  ]);
  assert.deepEqual(
    set.reviewers.map((r) => r.name),
    ['alice.json'],
  );
  assert.deepEqual(set.problems, [
    { name: 'alice-copy.json', message: 'claims reviewer "alice", which alice.json holds' },
    { name: 'dave.json', message: 'claims reviewer "alice", which alice.json holds' },
  ]);
  const orphan = loadReviewerSet([{ name: 'erin.json', text: alice }]);
  assert.deepEqual(orphan.problems, [
    { name: 'erin.json', message: 'claims reviewer "alice"; its file must be alice.json' },
  ]);
});

test('file names that are not ids are refused: paths, upper case, other extensions', () => {
  const alice = serializeReviewerFile({ reviewer: 'alice', state: decided() });
  const set = loadReviewerSet([
    { name: 'Alice.json', text: alice },
    { name: '...json', text: alice },
    { name: 'alice.txt', text: alice },
  ]);
  assert.equal(set.reviewers.length, 0);
  assert.deepEqual(
    set.problems.map((p) => p.name),
    ['...json', 'Alice.json', 'alice.txt'],
  );
  assert.ok(set.problems.every((p) => p.message.startsWith('not a reviewer file name (<id>.json)')));
});

test('one reviewer in two windows: concurrent edits of the same reviewer file merge, both kept', () => {
  const base = decided();
  const windowA = addTag(base, p1, 'decoding', T2);
  const windowB = setNote(
    decideMany(base, [p2], 'titleAbstract', 'maybe', T2),
    p1,
    'Check the baselines.',
    T2,
  );
  // Window B saved first; window A then merges its own edits into what is on disk.
  const disk = parseReviewerFile(serializeReviewerFile({ reviewer: 'alice', state: windowB }));
  const merged = merge(windowA, disk.state, base);
  const text = serializeReviewerFile({ reviewer: 'alice', state: merged });
  const back = parseReviewerFile(text);
  const first = back.state.papers.get('p_1')!;
  assert.deepEqual(first.tags, ['decoding']);
  assert.equal(first.note, 'Check the baselines.');
  assert.equal(back.state.papers.get('p_2')!.status, 'maybe');
  assert.equal(back.state.papers.get('p_2')!.reason, undefined);
});
