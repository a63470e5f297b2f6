import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  emptyState,
  parse,
  pinKey,
  serialize,
  setNote,
  setStatus,
  StateFileError,
  type TriageState,
} from '../../../src/core/triage';

const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-03-02T09:30:00.000Z';

function sample(): TriageState {
  let s = emptyState();
  const b = { id: 'p_bbb', title: 'Zeta: "quoted" title with ünïcode' };
  const a = { id: 'p_aaa', title: 'Alpha' };
  s = setStatus(s, b, 'include', T1);
  s = addTag(s, b, 'speculative decoding', T1);
  s = addTag(s, b, 'Aardvark', T1);
  s = setNote(s, b, 'Multi-line\nnote with "quotes" and \\ backslash', T2);
  s = pinKey(s, b, 'zetaQuotedTitle', T2);
  s = setStatus(s, a, 'exclude', T1);
  s = addTag(s, { id: 'p_ccc', title: 'Tag only' }, 'later', T2);
  return s;
}

const EXPECTED = `{
  "format": "literature-triage",
  "papers": {
    "p_aaa": {
      "status": "exclude",
      "title": "Alpha",
      "updated": "2026-03-01T08:00:00.000Z"
    },
    "p_bbb": {
      "key": "zetaQuotedTitle",
      "note": "Multi-line\\nnote with \\"quotes\\" and \\\\ backslash",
      "status": "include",
      "tags": [
        "Aardvark",
        "speculative decoding"
      ],
      "title": "Zeta: \\"quoted\\" title with ünïcode",
      "updated": "2026-03-02T09:30:00.000Z"
    },
    "p_ccc": {
      "status": "untriaged",
      "tags": [
        "later"
      ],
      "title": "Tag only",
      "updated": "2026-03-02T09:30:00.000Z"
    }
  },
  "version": 1
}
`;

test('serialize: sorted members, one block per paper, empty fields left out, final newline', () => {
  assert.equal(serialize(sample()), EXPECTED);
  assert.equal(
    serialize(emptyState()),
    '{\n  "format": "literature-triage",\n  "papers": {},\n  "version": 1\n}\n',
  );
});

test('round trip: parse(serialize(s)) deep-equals s, serialize(parse(t)) === t', () => {
  const s = sample();
  assert.deepStrictEqual(parse(serialize(s)), s);
  assert.equal(serialize(parse(EXPECTED)), EXPECTED);
  assert.deepStrictEqual(parse(serialize(emptyState())), emptyState());
});

test('insertion order does not matter: the same state always gives the same text', () => {
  const s = sample();
  const reversed: TriageState = { papers: new Map([...s.papers].reverse()) };
  assert.equal(serialize(reversed), serialize(s));
});

test('ids that look like numbers or prototype names are ordinary ids', () => {
  const s = addTag(
    addTag(emptyState(), { id: '__proto__', title: 'x' }, 't', T1),
    { id: '10', title: 'y' },
    't',
    T1,
  );
  const text = serialize(s);
  assert.ok(text.indexOf('"10"') < text.indexOf('"__proto__"'));
  assert.deepStrictEqual(parse(text), s);
});

test('non-canonical but valid input is read and normalised', () => {
  const text = `\uFEFF{"version":1,"papers":{"p_x":{"updated":"${T1}","status":"maybe","tags":["b","a","a"," c "]},
    "p_empty":{"status":"untriaged","updated":"${T1}","note":""}},"format":"literature-triage"}`;
  const s = parse(text);
  assert.deepEqual([...s.papers.keys()], ['p_x']);
  assert.deepEqual(s.papers.get('p_x'), {
    title: '',
    status: 'maybe',
    tags: ['a', 'b', 'c'],
    note: '',
    updated: T1,
  });
});

function errorOf(text: string): StateFileError {
  try {
    parse(text);
  } catch (e) {
    assert.ok(e instanceof StateFileError, `expected StateFileError, got ${String(e)}`);
    return e;
  }
  assert.fail('parse accepted the text');
}

test('corrupt files are rejected with kind "corrupt" and the position', () => {
  const cut = errorOf(EXPECTED.slice(0, 200));
  assert.equal(cut.kind, 'corrupt');
  assert.match(cut.message, /not valid JSON/);
  assert.ok(cut.position);

  const comma = errorOf('{\n  "format": "literature-triage",\n  "version": 1\n  "papers": {}\n}');
  assert.deepEqual(comma.position, { offset: 52, line: 4, column: 3 });
  assert.match(comma.message, /^line 4, column 3: /);

  const conflict = errorOf(EXPECTED.replace('    "p_bbb": {', '<<<<<<< HEAD\n    "p_bbb": {'));
  assert.match(conflict.detail, /merge conflict/);
  assert.equal(conflict.position?.line, 9);

  const badStatus = errorOf(EXPECTED.replace('"status": "include"', '"status": "included"'));
  assert.equal(badStatus.kind, 'corrupt');
  assert.match(badStatus.detail, /p_bbb.*status/);
  assert.equal(badStatus.position?.line, 12);

  const dup = errorOf(
    EXPECTED.replace('"status": "exclude",', '"status": "exclude",\n      "status": "include",'),
  );
  assert.match(dup.detail, /duplicate member "status"/);
  assert.equal(dup.position?.line, 6);

  for (const [text, pattern] of [
    ['', /not valid JSON/],
    ['[]', /not a JSON object/],
    ['{"format":"other","version":1,"papers":{}}', /not a literature-triage state file/],
    ['{"format":"literature-triage","version":"1","papers":{}}', /version/],
    ['{"format":"literature-triage","version":1,"papers":[]}', /"papers" must be an object/],
    ['{"format":"literature-triage","version":1,"papers":{},"extra":0}', /unknown member "extra"/],
    [EXPECTED.replace('"title": "Alpha"', '"titel": "Alpha"'), /unknown member "titel"/],
    [EXPECTED.replace('"key": "zetaQuotedTitle"', '"key": "has space"'), /citation key/],
    [EXPECTED.replace('"Aardvark"', '42'), /tags/],
    [EXPECTED.replace('"updated": "2026-03-01T08:00:00.000Z"', '"updated": "yesterday"'), /ISO 8601/],
    [EXPECTED + 'x', /after the end/],
  ] as const) {
    const e = errorOf(text);
    assert.equal(e.kind, 'corrupt', text);
    assert.match(e.message, pattern);
  }
});

test('a newer version is rejected with kind "future-version", whatever its papers look like', () => {
  const e = errorOf('{\n  "format": "literature-triage",\n  "papers": "changed shape",\n  "version": 3\n}\n');
  assert.equal(e.kind, 'future-version');
  assert.match(e.message, /version 3/);
  assert.equal(e.position?.line, 4);
});
