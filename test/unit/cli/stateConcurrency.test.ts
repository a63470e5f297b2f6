// The CLI and other writers of one state file: nothing one writes is lost by another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../../src/cli/commands/export';
import { loadCorpora } from '../../../src/cli/corpora';
import type { Paper } from '../../../src/core/model/paper';
import { readState } from '../../../src/cli/stateFile';
import { parse, serialize, setNote, setStatus, type TriageState } from '../../../src/core/triage';

const NOW = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:05:00.000Z';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'litriage-concurrent-'));
}

test('export --state pins keys without losing what a window decided between the CLI reading and writing the file', async () => {
  const dir = scratch();
  try {
    const corpora = await loadCorpora([]);
    const [a, b, c, d] = corpora.papers.slice(0, 4) as [Paper, Paper, Paper, Paper];
    const statePath = join(dir, 'literature-triage.json');
    let start: TriageState = { papers: new Map() };
    for (const paper of [a, b, c]) start = setStatus(start, paper, 'include', NOW);
    writeFileSync(statePath, serialize(start));

    const asRead = await readState(statePath);
    // A window decides and saves while the export runs.
    const windowState = setNote(setStatus(start, d, 'exclude', LATER), a, 'Read section 4.', LATER);
    writeFileSync(statePath, serialize(windowState));

    const io = { out: () => undefined, err: () => undefined, data: () => undefined };
    const options = {
      status: 'include' as const,
      tag: undefined,
      out: join(dir, 'refs.bib'),
      statePath,
      json: true,
    };
    assert.equal(await exportCommand(corpora, asRead, options, io), 0);

    const saved = parse(readFileSync(statePath, 'utf8'));
    for (const paper of [a, b, c])
      assert.ok(saved.papers.get(paper.id)?.key, `the key of ${paper.id} is pinned`);
    assert.equal(saved.papers.get(d.id)?.status, 'exclude', 'the window’s decision is kept');
    assert.equal(saved.papers.get(a.id)?.note, 'Read section 4.', 'the window’s note is kept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two exports merging into one .bib at the same time both land (read, merge and write under its lock)', async () => {
  const dir = scratch();
  try {
    const corpora = await loadCorpora([]);
    const [a, b] = corpora.papers.slice(0, 2) as [Paper, Paper];
    const state = setStatus(setStatus({ papers: new Map() }, a, 'include', NOW), b, 'exclude', NOW);
    const out = join(dir, 'refs.bib');
    const io = { out: () => undefined, err: () => undefined, data: () => undefined };
    const options = (status: 'include' | 'exclude') => ({
      status,
      tag: undefined,
      out,
      statePath: undefined,
      json: true,
    });
    await Promise.all([
      exportCommand(corpora, state, options('include'), io),
      exportCommand(corpora, state, options('exclude'), io),
    ]);
    const text = readFileSync(out, 'utf8');
    assert.equal(text.match(/^@/gm)?.length, 2, `both entries in the .bib:\n${text}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function message(child: ChildProcess, wanted: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('message', (m) => m === wanted && resolve());
    child.once('exit', (code) => reject(new Error(`writer exited with ${code} before "${wanted}"`)));
  });
}

test('two processes editing one state file at the same instant, 25 edits each, lose nothing', async () => {
  const dir = scratch();
  try {
    const statePath = join(dir, 'literature-triage.json');
    const count = 25;
    const child = (paper: string, prefix: string) =>
      fork(join(__dirname, 'stateWriterChild.ts'), [statePath, paper, prefix, String(count)], {
        execArgv: ['--conditions=import', '--import', 'tsx'],
      });
    const writers = [child('p_one', 'a'), child('p_two', 'b')];
    await Promise.all(writers.map((w) => message(w, 'ready')));
    const done = writers.map((w) => message(w, 'done'));
    for (const w of writers) w.send('go');
    await Promise.all(done);

    const saved = parse(readFileSync(statePath, 'utf8'));
    const missing = [
      ...Array.from({ length: count }, (_, i) => `a${i}`).filter(
        (t) => !saved.papers.get('p_one')?.tags.includes(t),
      ),
      ...Array.from({ length: count }, (_, i) => `b${i}`).filter(
        (t) => !saved.papers.get('p_two')?.tags.includes(t),
      ),
    ];
    assert.deepEqual(missing, [], 'edits lost');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
