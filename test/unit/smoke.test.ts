import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../src/core/model/paper';

test('CorpusError names the file and line', () => {
  const e = new CorpusError('a.txt', 'bad', 3);
  assert.equal(e.message, 'a.txt:3: bad');
});
