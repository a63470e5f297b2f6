import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, withPatience } from '../../harness/eventually';

test('eventually returns the first value that is neither undefined nor false', async () => {
  let calls = 0;
  const value = await eventually(() => (++calls < 3 ? undefined : `after ${calls}`), 'the third call', {
    intervalMs: 1,
  });
  assert.equal(value, 'after 3');
});

test('with until, eventually returns the first value it accepts, undefined included', async () => {
  const seen = [3, 2, 1, undefined];
  const value = await eventually(() => seen.shift(), 'the list to run out', {
    intervalMs: 1,
    until: (v) => v === undefined,
  });
  assert.equal(value, undefined);
  assert.deepEqual(seen, []);
});

test('a timeout names what was awaited and the last value seen', async () => {
  let n = 0;
  await assert.rejects(
    eventually(() => ({ count: ++n, title: 'Still this one' }), 'the reader to move on', {
      timeoutMs: 30,
      intervalMs: 5,
      until: (v) => v.count < 0,
    }),
    (error: Error) => {
      assert.match(
        error.message,
        /^timed out after 30 ms waiting for the reader to move on; last seen: \{ count: \d+, title: 'Still this one' \}$/,
      );
      return true;
    },
  );
  await assert.rejects(
    withPatience({ timeoutMs: 10, intervalMs: 5 })(() => false, 'nothing'),
    /^Error: timed out after 10 ms waiting for nothing; last seen: false$/,
  );
});

test('a probe that throws fails at once', async () => {
  let calls = 0;
  await assert.rejects(
    eventually(() => {
      calls++;
      throw new Error('the probe broke');
    }, 'anything'),
    /the probe broke/,
  );
  assert.equal(calls, 1);
});
