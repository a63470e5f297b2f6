// Decisions of papers no corpus file holds now are listed, never dropped: by id, not by alias.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPapers, missingPapers } from '../../../src/extension/tree/grouping';
import type { PaperTriage, TriageState } from '../../../src/core/triage';
import { makeTriage } from '../../../src/core/triage/normalize';

const entry = (title: string, status: PaperTriage['status'] = 'include'): PaperTriage =>
  makeTriage({ title, status, tags: [], note: '', updated: '2026-01-01T00:00:00Z' });

const state = (entries: Record<string, PaperTriage>): TriageState => ({
  papers: new Map(Object.entries(entries)),
});

test('state entries matched by no paper id or alias are missing, sorted by title', () => {
  const papers = [
    { id: 'p_a', title: 'Here' },
    { id: 'p_b', title: 'Merged', aliases: ['p_old'] },
  ];
  const missing = missingPapers(
    papers,
    state({
      p_a: entry('Here'),
      p_old: entry('Merged under an older id'),
      p_z: entry('beta gone'),
      p_y: entry('Alpha gone', 'exclude'),
      p_untitled: entry(''),
    }),
  );
  assert.deepEqual(missing, [
    { id: 'p_y', title: 'Alpha gone' },
    { id: 'p_z', title: 'beta gone' },
    { id: 'p_untitled', title: 'p_untitled' },
  ]);
});

test('the missing group comes last in every grouping, and only when something is missing', () => {
  const papers = [{ id: 'p_a', title: 'Here' }];
  const input = {
    papers,
    statusOf: () => 'untriaged' as const,
    tagsOf: () => [],
    topics: () => [],
  };
  for (const mode of ['topic', 'status', 'stage', 'tag'] as const) {
    const withMissing = groupPapers(mode, { ...input, missing: [{ id: 'p_gone', title: 'Gone' }] });
    assert.deepEqual(withMissing.at(-1), {
      key: 'missing',
      label: 'Missing from corpora',
      kind: 'missing',
      paperIds: ['p_gone'],
    });
    assert.ok(!groupPapers(mode, input).some((g) => g.kind === 'missing'));
  }
});
