import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowTooltip } from '../../../src/extension/tree/paperRow';
import { makeTriage } from '../../../src/core/triage/normalize';
import type { PaperTriage } from '../../../src/core/triage';
import type { UiText } from '../../../src/extension/shared/uiText';

const TITLE = 'A trial' as UiText;

function triage(fields: Partial<Parameters<typeof makeTriage>[0]>): PaperTriage {
  return makeTriage({ title: 'A trial', status: 'untriaged', tags: [], note: '', updated: '', ...fields });
}

test('the tooltip names the exclusion reason under the status', () => {
  const lines = rowTooltip(TITLE, triage({ status: 'exclude', reason: 'Wrong population' }), '').split('\n');
  assert.deepEqual(lines, ['A trial', 'Excluded', 'Reason: Wrong population']);
});

test('the full-text decision and its reason follow the title/abstract one', () => {
  const included = triage({
    status: 'include',
    fullText: { status: 'exclude', reason: 'No full text in English' },
  });
  assert.deepEqual(rowTooltip(TITLE, included, '').split('\n'), [
    'A trial',
    'Included',
    'Full text: Excluded · reason: No full text in English',
  ]);
  const assessed = triage({ status: 'include', fullText: { status: 'include' } });
  assert.deepEqual(rowTooltip(TITLE, assessed, '').split('\n'), [
    'A trial',
    'Included',
    'Full text: Included',
  ]);
});

test('without a reason or a full-text decision the tooltip is as before', () => {
  assert.deepEqual(rowTooltip(TITLE, triage({ status: 'exclude' }), '').split('\n'), ['A trial', 'Excluded']);
  assert.deepEqual(
    rowTooltip(TITLE, triage({ status: 'include', fullText: { status: 'untriaged' } }), '').split('\n'),
    ['A trial', 'Included'],
  );
});

test('a reason is untrusted text: control characters do not reach the tooltip raw', () => {
  const text = rowTooltip(TITLE, triage({ status: 'exclude', reason: 'Wrong\u202Epopulation' }), '');
  assert.ok(!text.includes('\u202E'), JSON.stringify(text));
});
