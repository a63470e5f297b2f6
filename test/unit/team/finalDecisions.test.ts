import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  finalDecisionAt,
  finalState,
  loadResolutionSet,
  openConflictsAt,
  parseResolutionFile,
  resolutionAt,
  serializeResolutionFile,
  withResolution,
  type ResolutionFile,
  type ReviewerDecisions,
} from '../../../src/core/team';
import {
  addTag,
  decideMany,
  emptyState,
  pinKey,
  setNote,
  StateFileError,
  type ReviewStage,
  type TriageState,
  type TriageStatus,
} from '../../../src/core/triage';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';
type Decided = Exclude<TriageStatus, 'untriaged'>;
const paper = (id: string) => ({ id, title: `Paper ${id}` });

function reviewer(
  name: string,
  decisions: Record<string, Decided | [Decided, string]>,
  stage: ReviewStage = 'titleAbstract',
  start: TriageState = emptyState(),
): ReviewerDecisions {
  let state = start;
  for (const [id, d] of Object.entries(decisions)) {
    const [status, reason] = Array.isArray(d) ? d : [d, undefined];
    state = decideMany(state, [paper(id)], stage, status, T1, reason);
  }
  return { reviewer: name, state };
}

const empty = (resolver: string): ResolutionFile => ({ resolver, resolutions: new Map() });

test('a resolutions file round-trips byte for byte and is one sorted block per paper', () => {
  let file = empty('ada@example.org');
  file = withResolution(file, 'p2', 'Paper two', 'titleAbstract', { decision: 'include', resolved: T1 });
  file = withResolution(file, 'p1', 'Paper one', 'fullText', {
    decision: 'exclude',
    reason: 'Wrong outcome',
    resolved: T2,
  });
  file = withResolution(file, 'p1', '', 'titleAbstract', { decision: 'include', resolved: T1 });
  const text = serializeResolutionFile(file);
  assert.equal(
    text,
    `{
  "format": "literature-triage-final",
  "resolutions": {
    "p1": {
      "fullText": {
        "decision": "exclude",
        "reason": "Wrong outcome",
        "resolved": "${T2}"
      },
      "title": "Paper one",
      "titleAbstract": {
        "decision": "include",
        "resolved": "${T1}"
      }
    },
    "p2": {
      "title": "Paper two",
      "titleAbstract": {
        "decision": "include",
        "resolved": "${T1}"
      }
    }
  },
  "resolver": "ada@example.org",
  "version": 1
}
`,
  );
  assert.equal(serializeResolutionFile(parseResolutionFile(text)), text);
});

test('a bad resolutions file is refused with the line of the problem', () => {
  const good = serializeResolutionFile(
    withResolution(empty('ada@example.org'), 'p1', 'One', 'titleAbstract', {
      decision: 'include',
      resolved: T1,
    }),
  );
  const cases: [string, RegExp][] = [
    [good.replace('"include"', '"yes"'), /line 7, column 9: paper "p1", titleAbstract: "decision"/],
    [good.replace('"ada@example.org"', '"../x"'), /line 12, column 3: /],
    [good.replace('"ada@example.org"', '"Ada@example.org"'), /canonical form "ada@example.org"/],
    [good.replace(`"resolved": "${T1}"`, '"resolved": "soon"'), /"resolved" must be an ISO 8601 time/],
    [good.replace('"version": 1', '"version": 9'), /version 9, written by a newer/],
    [good.slice(0, 40), /not valid JSON/],
    [`<<<<<<< HEAD\n${good}`, /line 1, column 1: unresolved merge conflict marker/],
    [
      good.replace('"decision": "include"', '"decision": "include",\n"reason": "Because"'),
      /only for an exclusion/,
    ],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseResolutionFile(text),
      (e: unknown) => e instanceof StateFileError && message.test(e.message),
    );
  }
});

test('the folder loads as a whole: a corrupt file and a file under another name are named, the rest load', () => {
  const ada = serializeResolutionFile(
    withResolution(empty('ada@example.org'), 'p1', 'One', 'titleAbstract', {
      decision: 'include',
      resolved: T1,
    }),
  );
  const set = loadResolutionSet([
    { name: 'ada@example.org.json', text: ada },
    { name: 'bob@example.org.json', text: '{ not json' },
    { name: 'carol@example.org.json', text: ada },
  ]);
  assert.deepEqual(
    set.files.map((f) => f.resolver),
    ['ada@example.org'],
  );
  assert.deepEqual(
    set.problems.map((p) => p.name),
    ['bob@example.org.json', 'carol@example.org.json'],
  );
  assert.match(set.problems[0]!.message, /line 1, column 3: not valid JSON/);
  assert.match(set.problems[1]!.message, /"ada@example.org", whose file must be ada@example.org.json/);
});

test('the later resolution wins, whoever made it; a tie goes to the first resolver id', () => {
  const a = withResolution(empty('ada@example.org'), 'p1', '', 'titleAbstract', {
    decision: 'include',
    resolved: T2,
  });
  const b = withResolution(empty('bob@example.org'), 'p1', '', 'titleAbstract', {
    decision: 'exclude',
    reason: 'Wrong population',
    resolved: T1,
  });
  assert.equal(resolutionAt([b, a], 'p1', 'titleAbstract')?.resolver, 'ada@example.org');
  assert.equal(resolutionAt([a, b], 'p1', 'fullText'), undefined);
  const tie = withResolution(empty('bob@example.org'), 'p1', '', 'titleAbstract', {
    decision: 'maybe',
    resolved: T2,
  });
  assert.equal(resolutionAt([tie, a], 'p1', 'titleAbstract')?.decision, 'include');
});

test('final decisions: agreement once enough reviewers decided, a resolution over a conflict, else none', () => {
  const a = reviewer('a@example.org', {
    p1: 'include',
    p2: 'include',
    p3: 'maybe',
    p4: ['exclude', 'Wrong outcome'],
  });
  const b = reviewer('b@example.org', { p1: 'include', p2: 'exclude', p3: 'include', p4: 'exclude' });
  const c = reviewer('c@example.org', { p5: 'include' });
  const team = [b, a, c];
  const decided = (id: string, files: ResolutionFile[] = [], perPaper = 2) =>
    finalDecisionAt(team, files, id, 'titleAbstract', perPaper);
  assert.deepEqual(decided('p1'), { decision: 'include', from: 'agreed' });
  assert.equal(decided('p2'), undefined, 'include against exclude is open');
  assert.equal(decided('p3'), undefined, 'maybe against include is open');
  assert.deepEqual(decided('p4'), { decision: 'exclude', reason: 'Wrong outcome', from: 'agreed' });
  assert.equal(decided('p5'), undefined, 'one reviewer of the two needed');
  assert.deepEqual(decided('p5', [], 1), { decision: 'include', from: 'agreed' });
  assert.deepEqual(decided('p1', [], 3), undefined, 'three needed, two decided');
  const resolved = withResolution(empty('c@example.org'), 'p2', 'Paper p2', 'titleAbstract', {
    decision: 'exclude',
    reason: 'Wrong design',
    resolved: T2,
  });
  assert.deepEqual(decided('p2', [resolved]), {
    decision: 'exclude',
    reason: 'Wrong design',
    from: { decision: 'exclude', reason: 'Wrong design', resolved: T2, resolver: 'c@example.org' },
  });
  assert.deepEqual(
    openConflictsAt(team, [resolved], 'titleAbstract').map((c) => c.id),
    ['p3'],
  );
  // A team of one decides alone whatever the setting.
  assert.deepEqual(finalDecisionAt([c], [], 'p5', 'titleAbstract', 2), {
    decision: 'include',
    from: 'agreed',
  });
});

test('the final state: decisions per stage, every tag, my note and key first, open conflicts undecided', () => {
  let mine = emptyState();
  mine = setNote(mine, paper('p1'), 'my note', T1);
  mine = pinKey(mine, paper('p1'), 'mineKey2026', T1);
  let theirs = addTag(emptyState(), paper('p1'), 'decoding', T1);
  theirs = setNote(theirs, paper('p1'), 'their note', T1);
  theirs = pinKey(theirs, paper('p1'), 'theirKey2026', T1);
  theirs = addTag(theirs, paper('p3'), 'later', T1);
  const a = reviewer('a@example.org', { p1: 'include', p2: 'include' }, 'titleAbstract', mine);
  const b = reviewer('b@example.org', { p1: 'include', p2: 'exclude' }, 'titleAbstract', theirs);
  const aFull = reviewer('a@example.org', { p1: ['exclude', 'Wrong outcome'] }, 'fullText', a.state);
  const bFull = reviewer('b@example.org', { p1: 'include' }, 'fullText', b.state);
  const resolved = withResolution(empty('b@example.org'), 'p1', '', 'fullText', {
    decision: 'exclude',
    reason: 'Wrong outcome',
    resolved: T2,
  });
  const state = finalState([bFull, aFull], [resolved], { mine: 'a@example.org', reviewersPerPaper: 2 });
  const p1 = state.papers.get('p1')!;
  assert.equal(p1.status, 'include');
  assert.deepEqual(p1.fullText, { status: 'exclude', reason: 'Wrong outcome' });
  assert.deepEqual(p1.tags, ['decoding']);
  assert.equal(p1.note, 'my note');
  assert.equal(p1.key, 'mineKey2026');
  assert.equal(p1.updated, T2);
  assert.equal(
    state.papers.has('p2'),
    false,
    'an open conflict has no final decision and nothing else to keep',
  );
  assert.deepEqual(state.papers.get('p3')?.tags, ['later']);
  assert.equal(state.papers.get('p3')?.status, 'untriaged');
  const theirsFirst = finalState([bFull, aFull], [resolved], { mine: 'b@example.org', reviewersPerPaper: 2 });
  assert.equal(theirsFirst.papers.get('p1')?.key, 'theirKey2026');
  assert.equal(theirsFirst.papers.get('p1')?.note, 'their note');
});
