import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isReaderState,
  isWebviewMessage,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  type WebviewMessage,
} from '../../../src/webview/protocol';

const valid: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'shown', paperId: 'p_1' },
  { type: 'navigate', direction: 'next' },
  { type: 'navigate', direction: 'previous' },
  { type: 'openPaper', paperId: 'p_1' },
  { type: 'setStatus', paperId: 'p_1', status: 'include' },
  { type: 'setStatus', paperId: 'p_1', status: 'maybe' },
  { type: 'setStatus', paperId: 'p_1', status: 'exclude' },
  { type: 'setStatus', paperId: 'p_1', status: 'untriaged' },
  { type: 'excludeWithReason', paperId: 'p_1', reason: 1 },
  { type: 'excludeWithReason', paperId: 'p_1', reason: 12 },
  { type: 'pickReason', paperId: 'p_1' },
  { type: 'criteriaOpen', open: false },
  { type: 'addTag', paperId: 'p_1', tag: '<img src=x onerror=alert(1)>' },
  { type: 'removeTag', paperId: 'p_1', tag: 'survey' },
  { type: 'saveNote', paperId: 'p_1', note: '' },
  { type: 'saveNote', paperId: 'p_1', note: 'x'.repeat(MAX_NOTE_LENGTH) },
  { type: 'openLink', paperId: 'p_1', url: 'javascript:alert(1)' },
  { type: 'editing', editing: true },
  { type: 'editing', editing: false },
  { type: 'search' },
];

test('every variant of the webview protocol passes with its fields', () => {
  for (const message of valid) assert.equal(isWebviewMessage(message), true, JSON.stringify(message));
});

test('messages with a wrong, missing or extra field are refused', () => {
  const invalid: unknown[] = [
    { type: 'ready', extra: 1 },
    { type: 'shown' },
    { type: 'shown', paperId: '' },
    { type: 'shown', paperId: 'x'.repeat(201) },
    { type: 'navigate', direction: 'sideways' },
    { type: 'navigate' },
    { type: 'openPaper', paperId: 7 },
    { type: 'setStatus', paperId: 'p_1', status: 'accepted' },
    { type: 'setStatus', paperId: 'p_1' },
    { type: 'setStatus', paperId: 'p_1', status: 'include', advance: true },
    { type: 'excludeWithReason', paperId: 'p_1', reason: 0 },
    { type: 'excludeWithReason', paperId: 'p_1', reason: 1.5 },
    { type: 'excludeWithReason', paperId: 'p_1', reason: 'Wrong population' },
    { type: 'excludeWithReason', paperId: 'p_1' },
    { type: 'pickReason', paperId: 'p_1', reason: 'x' },
    { type: 'criteriaOpen', open: 'yes' },
    { type: 'addTag', paperId: 'p_1', tag: '' },
    { type: 'addTag', paperId: 'p_1', tag: 'x'.repeat(MAX_TAG_LENGTH + 1) },
    { type: 'addTag', paperId: 'p_1', tag: ['a'] },
    { type: 'removeTag', tag: 'a' },
    { type: 'saveNote', paperId: 'p_1', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
    { type: 'saveNote', paperId: 'p_1', note: null },
    { type: 'openLink', paperId: 'p_1', url: '' },
    { type: 'openLink', paperId: 'p_1', url: { href: 'https://example.org' } },
    { type: 'editing', editing: 'true' },
    { type: 'editing', editing: 1 },
    { type: 'search', query: 'x' },
  ];
  for (const message of invalid) assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
});

test('anything that is not a plain object with a known type is refused', () => {
  const invalid: unknown[] = [
    undefined,
    null,
    'ready',
    42,
    true,
    [],
    [{ type: 'ready' }],
    {},
    { type: 'READY' },
    { type: 'toString' },
    { type: 'constructor' },
    { type: '__proto__' },
    { type: 42 },
    Object.assign(Object.create({ type: 'ready' }) as object, {}),
    new (class Message {
      type = 'ready';
    })(),
    new Date(),
  ];
  for (const message of invalid) assert.equal(isWebviewMessage(message), false, String(message));
});

test('inherited properties do not count as fields', () => {
  const message = Object.create({ paperId: 'p_1' }) as Record<string, unknown>;
  message.type = 'openPaper';
  assert.equal(isWebviewMessage(message), false);
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
    type: 'openPaper',
    paperId: 'p_1',
  });
  assert.equal(isWebviewMessage(bare), true, 'a prototype-less object is still plain data');
});

test('the saved reader state holds a paper id and nothing else matters', () => {
  assert.equal(isReaderState({ paperId: 'p_1' }), true);
  assert.equal(isReaderState({ paperId: 'p_1', scroll: 3 }), true);
  for (const state of [
    undefined,
    null,
    'p_1',
    { paperId: 1 },
    { paperId: '' },
    { id: 'p_1' },
    [{ paperId: 'p' }],
  ]) {
    assert.equal(isReaderState(state), false, JSON.stringify(state));
  }
});
