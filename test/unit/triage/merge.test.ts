import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  emptyState,
  merge,
  NOTE_MERGE_SEPARATOR,
  pinKey,
  removeTag,
  setNote,
  setStatus,
  type TriageState,
} from '../../../src/core/triage';

const T0 = '2026-04-01T00:00:00.000Z';
const T1 = '2026-04-01T01:00:00.000Z';
const T2 = '2026-04-01T02:00:00.000Z';
const T3 = '2026-04-01T03:00:00.000Z';
const p = { id: 'p_1', title: 'One' };
const q = { id: 'p_2', title: 'Two' };

function baseState(): TriageState {
  let s = setStatus(emptyState(), p, 'maybe', T0);
  s = addTag(s, p, 'shared', T0);
  s = addTag(s, p, 'doomed', T0);
  s = setNote(s, p, 'base note', T0);
  return s;
}

test('with base: tags are united, minus those either side removed since base', () => {
  const base = baseState();
  const local = addTag(removeTag(base, p, 'doomed', T1), p, 'mine', T1);
  const disk = addTag(base, p, 'theirs', T2);
  const merged = merge(local, disk, base);
  assert.deepEqual(merged.papers.get('p_1')!.tags, ['mine', 'shared', 'theirs']);
});

test('with base: a side that did not touch a paper takes the other side, including a reset', () => {
  const base = baseState();
  const diskOnlyNote = setNote(base, p, 'edited elsewhere', T2);
  assert.deepEqual(merge(base, diskOnlyNote, base).papers.get('p_1'), diskOnlyNote.papers.get('p_1'));
  let reset = setStatus(base, p, 'untriaged', T1);
  reset = removeTag(removeTag(setNote(reset, p, '', T1), p, 'shared', T1), p, 'doomed', T1);
  assert.equal(reset.papers.has('p_1'), false);
  assert.equal(merge(reset, base, base).papers.has('p_1'), false, 'local reset survives an unchanged disk');
});

test('notes: one side changed → that side; both changed differently → both texts kept, older first', () => {
  const base = baseState();
  const local = setNote(base, p, 'local thoughts', T2);
  const disk = setNote(base, p, 'disk thoughts', T1);
  const note = merge(local, disk, base).papers.get('p_1')!.note;
  assert.equal(note, `disk thoughts\n\n${NOTE_MERGE_SEPARATOR}\n\nlocal thoughts`);
  assert.equal(merge(disk, local, base).papers.get('p_1')!.note, note, 'same result whichever side is local');
  const extended = setNote(base, p, 'base note, and more', T1);
  assert.equal(merge(extended, base, base).papers.get('p_1')!.note, 'base note, and more');
  assert.equal(merge(local, emptyState()).papers.get('p_1')!.note, 'local thoughts');
});

test('status: the side that changed it; if both, the newer edit; ties are broken the same both ways', () => {
  const base = baseState();
  const statusLocal = setStatus(base, p, 'include', T1);
  const tagDisk = addTag(base, p, 'later tag', T3);
  assert.equal(
    merge(statusLocal, tagDisk, base).papers.get('p_1')!.status,
    'include',
    'a later tag edit does not undo a status change',
  );
  const excludeDisk = setStatus(base, p, 'exclude', T3);
  assert.equal(merge(statusLocal, excludeDisk, base).papers.get('p_1')!.status, 'exclude');
  assert.equal(merge(statusLocal, excludeDisk).papers.get('p_1')!.status, 'exclude', 'no base: newer wins');
  const tieA = setStatus(base, p, 'include', T1);
  const tieB = setStatus(base, p, 'exclude', T1);
  assert.deepEqual(merge(tieA, tieB, base), merge(tieB, tieA, base));
  assert.equal(merge(tieA, tieB, base).papers.get('p_1')!.updated, T1);
});

test('without base: a union — papers from either side, all tags, both notes', () => {
  let local = addTag(setStatus(emptyState(), p, 'include', T1), p, 'a', T1);
  local = setNote(local, p, 'from here', T1);
  let disk = addTag(setStatus(emptyState(), p, 'exclude', T2), p, 'b', T2);
  disk = setNote(disk, p, 'from there', T2);
  disk = setStatus(disk, q, 'maybe', T2);
  const merged = merge(local, disk);
  const one = merged.papers.get('p_1')!;
  assert.deepEqual(one.tags, ['a', 'b']);
  assert.equal(one.status, 'exclude');
  assert.ok(one.note.includes('from here') && one.note.includes('from there'));
  assert.equal(one.updated, T2);
  assert.equal(merged.papers.get('p_2')!.status, 'maybe');
});

test('pinned keys: never lost; a conflicting pair resolves deterministically', () => {
  const base = baseState();
  const pinned = pinKey(base, p, 'oneKey', T1);
  assert.equal(merge(base, pinned, base).papers.get('p_1')!.key, 'oneKey');
  assert.equal(
    merge(addTag(base, p, 'x', T3), pinned).papers.get('p_1')!.key,
    'oneKey',
    'a newer side without key does not drop it',
  );
  const other = pinKey(base, p, 'otherKey', T2);
  assert.equal(merge(pinned, other, base).papers.get('p_1')!.key, 'otherKey');
  assert.deepEqual(merge(pinned, other, base), merge(other, pinned, base));
});

test('merge is idempotent and merging the result again changes nothing', () => {
  const base = baseState();
  const local = setNote(addTag(base, p, 'l', T1), p, 'L', T1);
  const disk = setNote(addTag(setStatus(base, q, 'include', T2), p, 'd', T2), p, 'D', T2);
  const once = merge(local, disk, base);
  assert.deepStrictEqual(merge(once, once), once);
  assert.deepStrictEqual(merge(once, disk), once);
  assert.deepStrictEqual(merge(local, once), once);
});

/** Small deterministic generator, so the random sequences below are the same on every run. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

test('random edits on both sides: every tag added and every note written survives the merge', () => {
  const papers = ['p_a', 'p_b', 'p_c'].map((id) => ({ id, title: id.toUpperCase() }));
  const tags = ['t1', 't2', 't3', 't4'];
  const statuses = ['untriaged', 'include', 'maybe', 'exclude'] as const;
  for (let round = 0; round < 200; round++) {
    const rand = lcg(round + 1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let base = emptyState();
    for (const p of papers)
      if (rand() < 0.5) base = addTag(setNote(base, p, `base ${p.id}`, T0), p, pick(tags), T0);
    const edit = (from: TriageState, side: string, time: string): TriageState => {
      let s = from;
      for (let i = 0; i < 4; i++) {
        const p = pick(papers);
        const r = rand();
        if (r < 0.3) s = addTag(s, p, pick(tags), time);
        else if (r < 0.5) s = removeTag(s, p, pick(tags), time);
        else if (r < 0.75) s = setNote(s, p, `${side} note ${i}`, time);
        else s = setStatus(s, p, pick(statuses), time);
      }
      return s;
    };
    const local = edit(base, 'local', T1);
    const disk = edit(base, 'disk', T2);
    for (const withBase of [true, false]) {
      const merged = withBase ? merge(local, disk, base) : merge(local, disk);
      for (const { id } of papers) {
        const [l, d, b, m] = [local, disk, base, merged].map((s) => s.papers.get(id));
        const baseTags = withBase ? (b?.tags ?? []) : [];
        for (const tag of [...(l?.tags ?? []), ...(d?.tags ?? [])]) {
          if (!baseTags.includes(tag))
            assert.ok(m?.tags.includes(tag), `round ${round}: tag ${tag} of ${id} lost`);
        }
        for (const note of [l?.note, d?.note]) {
          if (!note || (withBase && note === b?.note)) continue;
          assert.ok(m?.note.includes(note), `round ${round}: note "${note}" of ${id} lost`);
        }
      }
      assert.deepStrictEqual(merge(merged, merged), merged);
    }
  }
});
