import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProgressMessage } from '../../../src/webview/progressProtocol';

test('the progress view accepts exactly its two messages', () => {
  assert.ok(isProgressMessage({ type: 'ready' }));
  assert.ok(isProgressMessage({ type: 'screenNext' }));
  for (const bad of [
    null,
    'ready',
    [],
    { type: 'setStatus' },
    { type: 'ready', extra: 1 },
    { type: 'screenNext', paperId: 'p' },
    Object.create({ type: 'ready' }),
    new (class {
      type = 'ready';
    })(),
  ]) {
    assert.equal(isProgressMessage(bad), false, JSON.stringify(bad));
  }
});
