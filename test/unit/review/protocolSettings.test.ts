import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkCriteria,
  checkExclusionReasons,
  checkReasonRequirement,
  cleanReason,
  MAX_REASON_LENGTH,
} from '../../../src/core/review/protocolSettings';

test('exclusion reasons: kept in order, trimmed, white space collapsed; nothing set is no problem', () => {
  assert.deepEqual(checkExclusionReasons(['  Wrong   population ', 'Wrong outcome']), {
    value: ['Wrong population', 'Wrong outcome'],
    problems: [],
  });
  assert.deepEqual(checkExclusionReasons(undefined), { value: [], problems: [] });
  assert.deepEqual(checkExclusionReasons([]), { value: [], problems: [] });
});

test('exclusion reasons: each unusable item is named by its place and left out; the rest still work', () => {
  const { value, problems } = checkExclusionReasons([
    'Wrong outcome',
    3,
    '  ',
    'wrong OUTCOME',
    null,
    'Animal study',
  ]);
  assert.deepEqual(value, ['Wrong outcome', 'Animal study']);
  assert.deepEqual(problems, [
    'literatureTriage.exclusionReasons item 2 is the number 3, not a reason; it is left out',
    'literatureTriage.exclusionReasons item 3 is empty; it is left out',
    'literatureTriage.exclusionReasons item 4 ("wrong OUTCOME") is listed twice; the first one is kept',
    'literatureTriage.exclusionReasons item 5 is null, not a reason; it is left out',
  ]);
});

test('exclusion reasons: not a list is one problem; an overlong reason is cut and said so', () => {
  assert.deepEqual(checkExclusionReasons('Wrong outcome').problems, [
    'literatureTriage.exclusionReasons is "Wrong outcome"; expected a list of reasons like ["Wrong population"]',
  ]);
  assert.deepEqual(checkExclusionReasons({ 1: 'a' }).value, []);
  const long = 'é'.repeat(MAX_REASON_LENGTH + 50);
  const checked = checkExclusionReasons([long]);
  assert.equal([...checked.value[0]!].length, MAX_REASON_LENGTH);
  assert.match(checked.problems[0]!, /item 1 is longer than 200 characters; it is cut/);
});

test('cleanReason composes accents (NFC), so one reason typed two ways is one reason', () => {
  assert.equal(cleanReason('Cafe\u0301 workers'), 'Caf\u00e9 workers');
  assert.deepEqual(checkExclusionReasons(['Caf\u00e9', 'Cafe\u0301']).value, ['Caf\u00e9']);
});

test('requireExclusionReason: the three values, the default, and a bad value named with what is used', () => {
  for (const value of ['never', 'fullText', 'always'] as const)
    assert.deepEqual(checkReasonRequirement(value), { value, problems: [] });
  assert.deepEqual(checkReasonRequirement(undefined), { value: 'fullText', problems: [] });
  assert.deepEqual(checkReasonRequirement(true), {
    value: 'fullText',
    problems: [
      'literatureTriage.requireExclusionReason is the value true; expected "never", "fullText" or "always" ("fullText" is used)',
    ],
  });
  assert.equal(checkReasonRequirement('FullText').value, 'fullText');
  assert.equal(checkReasonRequirement('FullText').problems.length, 1);
});

test('criteria: text as it is, a list of lines joined, anything else one problem', () => {
  assert.deepEqual(checkCriteria('## Inclusion'), { value: '## Inclusion', problems: [] });
  assert.deepEqual(checkCriteria(['- a', '- b']), { value: '- a\n- b', problems: [] });
  assert.deepEqual(checkCriteria(undefined), { value: '', problems: [] });
  assert.deepEqual(checkCriteria({ include: 'x' }), {
    value: '',
    problems: ['literatureTriage.criteria is an object; expected Markdown text'],
  });
});
