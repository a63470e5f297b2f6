import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideMany, emptyState, setRetrievedMany, setStatusMany, triageOf } from '../../../src/core/triage';
import { paperRow } from '../../../src/extension/tree/paperRow';

const NOW = '2026-01-01T00:00:00.000Z';
const [kept, dropped, assessed, missing] = ['kept', 'dropped', 'assessed', 'missing'].map((id) => ({
  id,
  title: `Paper ${id}`,
}));

test('at full text a row of a paper included at title/abstract shows its full-text place; other rows keep their decision', () => {
  let state = setStatusMany(emptyState(), [kept!, assessed!, missing!], 'include', NOW);
  state = setStatusMany(state, [dropped!], 'exclude', NOW, 'Wrong population');
  state = decideMany(state, [assessed!], 'fullText', 'exclude', NOW, 'Wrong outcome');
  state = setRetrievedMany(state, [missing!], false, NOW);
  const at = (paper: typeof kept, stage: 'titleAbstract' | 'fullText') => {
    const row = paperRow(paper!, triageOf(state, paper!), undefined, stage);
    return [row.icon.id, row.accessibilityLabel.split(', ')[1]];
  };
  assert.deepEqual(at(kept, 'titleAbstract'), ['pass', 'Included']);
  assert.deepEqual(at(kept, 'fullText'), ['circle-large-outline', 'Full text: to assess']);
  assert.deepEqual(at(assessed, 'fullText'), ['circle-slash', 'Full text: excluded']);
  assert.deepEqual(at(missing, 'fullText'), ['dash', 'Full text: not retrieved']);
  assert.deepEqual(at(dropped, 'fullText'), ['circle-slash', 'Excluded']);
  assert.deepEqual(at(assessed, 'titleAbstract'), ['pass', 'Included']);
});
