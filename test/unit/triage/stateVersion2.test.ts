import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  decideMany,
  emptyState,
  merge,
  parse,
  reasonAt,
  serialize,
  setFullTextPdf,
  setRetrievedMany,
  setStatus,
  statusAt,
  StateFileError,
  versionFor,
  type TriageState,
} from '../../../src/core/triage';

const T1 = '2026-05-01T08:00:00.000Z';
const T2 = '2026-05-01T09:00:00.000Z';
const T3 = '2026-05-01T10:00:00.000Z';
const a = { id: 'p_a', title: 'Alpha' };
const b = { id: 'p_b', title: 'Beta' };

const VERSION1 = readFileSync('test/fixtures/state/version1.json', 'utf8');

function errorOf(text: string): StateFileError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof StateFileError) return e;
    throw e;
  }
  assert.fail(`parsed: ${text}`);
}

test("migration: today's version 1 file reads unchanged and is written back byte for byte", () => {
  const state = parse(VERSION1);
  assert.equal(state.papers.size, 3);
  const kept = state.papers.get('p_0a1b2c3d4e5f')!;
  assert.equal(kept.status, 'include');
  assert.equal(kept.reason, undefined);
  assert.equal(kept.fullText, undefined);
  assert.equal(
    kept.note,
    'Read section 4.\nExclusion reason: kept from an import',
    'notes are not rewritten',
  );
  assert.equal(serialize(state), VERSION1, 'nothing of version 2 used: still written as version 1');
});

test('migration: the first reason or full-text decision writes version 2, and it reads back', () => {
  const v1 = parse(VERSION1);
  const excluded = { id: 'p_1f2e3d4c5b6a', title: 'A paper excluded without a reason' };
  const withReason = setStatus(v1, excluded, 'exclude', T1, 'Wrong population');
  const text = serialize(withReason);
  assert.match(text, /"version": 2\n}\n$/);
  assert.match(text, /"reason": "Wrong population",\n {6}"status": "exclude"/);
  assert.deepEqual(parse(text), withReason);
  assert.equal(serialize(parse(text)), text);
  // Only the changed paper's block and the version line differ from the version 1 file.
  const before = VERSION1.split('\n');
  const after = text.split('\n');
  const changed = after.filter((line) => !before.includes(line));
  assert.deepEqual(changed, [
    '      "reason": "Wrong population",',
    '      "updated": "2026-05-01T08:00:00.000Z"',
    '  "version": 2',
  ]);
});

test('full text: decision, reason, PDF and not retrieved in one sorted block', () => {
  let s = setStatus(emptyState(), a, 'include', T1);
  s = setFullTextPdf(s, a, 'papers\\alpha.pdf', T2);
  s = decideMany(s, [a], 'fullText', 'exclude', T3, '  Wrong   outcome ');
  s = setRetrievedMany(s, [b], false, T3);
  const text = serialize(s);
  assert.equal(
    text,
    `{
  "format": "literature-triage",
  "papers": {
    "p_a": {
      "fullText": {
        "pdf": "papers/alpha.pdf",
        "reason": "Wrong outcome",
        "status": "exclude"
      },
      "status": "include",
      "title": "Alpha",
      "updated": "${T3}"
    },
    "p_b": {
      "fullText": {
        "retrieved": false,
        "status": "untriaged"
      },
      "status": "untriaged",
      "title": "Beta",
      "updated": "${T3}"
    }
  },
  "version": 2
}
`,
  );
  assert.deepEqual(parse(text), s);
  assert.equal(versionFor(s), 2);
});

test('the reason rule: kept on a second exclude without one, replaced by a new one, cleared by another decision', () => {
  for (const stage of ['titleAbstract', 'fullText'] as const) {
    let s: TriageState = decideMany(emptyState(), [a], stage, 'exclude', T1, 'Wrong population');
    const entry = () => s.papers.get('p_a')!;
    assert.equal(reasonAt(entry(), stage), 'Wrong population');
    const same = decideMany(s, [a], stage, 'exclude', T2);
    assert.equal(same, s, 'excluding again without a reason is a no-op');
    s = decideMany(s, [a], stage, 'exclude', T2, 'Not a primary study');
    assert.equal(reasonAt(entry(), stage), 'Not a primary study');
    s = decideMany(s, [a], stage, 'include', T3);
    assert.equal(statusAt(entry(), stage), 'include');
    assert.equal(reasonAt(entry(), stage), undefined);
    s = decideMany(s, [a], stage, 'exclude', T3);
    assert.equal(reasonAt(entry(), stage), undefined, 'an old reason does not come back');
    s = decideMany(s, [a], stage, 'untriaged', T3);
    assert.equal(s.papers.has('p_a'), false, 'nothing left: the entry is dropped');
  }
});

test('stages are independent: a full-text decision leaves the title/abstract one alone', () => {
  let s = setStatus(emptyState(), a, 'include', T1);
  s = decideMany(s, [a], 'fullText', 'include', T2);
  s = setStatus(s, a, 'maybe', T3);
  const entry = s.papers.get('p_a')!;
  assert.equal(entry.status, 'maybe');
  assert.equal(entry.fullText?.status, 'include', 'full-text data is never dropped by a stage 1 change');
  // Unlinking the PDF and taking back "not retrieved" leave no empty full-text block.
  let t = setFullTextPdf(emptyState(), b, 'b.pdf', T1);
  t = setRetrievedMany(t, [b], false, T1);
  t = setFullTextPdf(t, b, undefined, T2);
  t = setRetrievedMany(t, [b], true, T2);
  assert.equal(t.papers.size, 0);
});

test('bad version 2 members are refused with the position, never dropped on writing', () => {
  const v2 = (entry: string) =>
    `{\n  "format": "literature-triage",\n  "papers": {\n    "p_a": ${entry}\n  },\n  "version": 2\n}\n`;
  const cases: [string, RegExp][] = [
    [
      `{ "reason": "Wrong", "status": "include", "updated": "${T1}" }`,
      /"reason" is only for a paper whose "status" is exclude/,
    ],
    [`{ "reason": " Wrong ", "status": "exclude", "updated": "${T1}" }`, /"reason" must be a non-empty text/],
    [`{ "reason": "", "status": "exclude", "updated": "${T1}" }`, /"reason" must be a non-empty text/],
    [`{ "fullText": { "status": "done" }, "status": "include", "updated": "${T1}" }`, /full text: "status"/],
    [
      `{ "fullText": { "status": "include", "retrieved": true }, "status": "include", "updated": "${T1}" }`,
      /"retrieved" is written only as false/,
    ],
    [
      `{ "fullText": { "status": "include", "pdf": "a\\\\b.pdf" }, "status": "include", "updated": "${T1}" }`,
      /"pdf" must be a workspace-relative path/,
    ],
    [
      `{ "fullText": { "status": "untriaged" }, "status": "include", "updated": "${T1}" }`,
      /empty "fullText"/,
    ],
    [
      `{ "fullText": { "status": "include", "pages": 3 }, "status": "include", "updated": "${T1}" }`,
      /unknown member "pages"/,
    ],
    [`{ "fullText": [], "status": "include", "updated": "${T1}" }`, /"fullText" must be an object/],
  ];
  for (const [entry, pattern] of cases) {
    const e = errorOf(v2(entry));
    assert.equal(e.kind, 'corrupt', entry);
    assert.match(e.message, pattern, entry);
    assert.match(e.message, /^line \d+, column \d+: /, entry);
  }
  // A version 1 file may not carry version 2 members: it says what is wrong.
  const e = errorOf(
    v2(`{ "reason": "Wrong", "status": "exclude", "updated": "${T1}" }`).replace(
      '"version": 2',
      '"version": 1',
    ),
  );
  assert.match(e.message, /unknown member "reason" \(it needs "version": 2\)/);
});

test('merge: the reason goes with the status that won; full-text members merge one by one', () => {
  const base = setStatus(emptyState(), a, 'include', T1);
  // One side excludes with a reason, the other links a PDF: both kept.
  const local = decideMany(base, [a], 'fullText', 'exclude', T2, 'Wrong outcome');
  const disk = setFullTextPdf(base, a, 'alpha.pdf', T3);
  const merged = merge(local, disk, base).papers.get('p_a')!;
  assert.deepEqual(merged.fullText, { status: 'exclude', reason: 'Wrong outcome', pdf: 'alpha.pdf' });
  // Both change the title/abstract decision: the newer status wins with its own reason.
  const l2 = setStatus(base, a, 'exclude', T2, 'Wrong population');
  const d2 = setStatus(base, a, 'maybe', T3);
  assert.equal(merge(l2, d2, base).papers.get('p_a')!.reason, undefined);
  const l3 = setStatus(base, a, 'exclude', T3, 'Wrong population');
  const d3 = setStatus(base, a, 'exclude', T2, 'Not a primary study');
  assert.equal(merge(l3, d3, base).papers.get('p_a')!.reason, 'Wrong population');
  assert.equal(merge(d3, l3, base).papers.get('p_a')!.reason, 'Wrong population', 'symmetric');
  // Not retrieved found on one side survives a union merge.
  const nr = setRetrievedMany(base, [a], false, T2);
  assert.equal(merge(nr, base).papers.get('p_a')!.fullText?.retrieved, false);
  assert.equal(merge(base, nr).papers.get('p_a')!.fullText?.retrieved, false);
});
