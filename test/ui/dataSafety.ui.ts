// Fault tests in real code-server windows: kill -9 of the extension host right after decisions, a window closed
// while the state file was corrupt, two windows (two extension hosts) deciding at the same instant. No decision
// the window showed may be lost, and the user is told what was recovered.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { UiTest } from './uiTest';
import { dismissHover, openActivity, openWorkbench } from './workbench';
import {
  eventually,
  focusReader,
  paperRow,
  paperRowTitles,
  reader,
  readerTitle,
  stateOf,
  waitForReaderTitle,
  waitForReaderToLeave,
} from './readerPage';

/** Every paper decided so far, over the tests of this file (one session on one folder). */
const decided = new Set<string>();

/** The extension hosts of this run's code-server: its processes carry the run's own HOME. */
function extensionHosts(workspace: string): number[] {
  const home = `HOME=${join(dirname(workspace), 'home')}`;
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=extensionHost')) continue;
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(home)) found.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

function journals(workspace: string): string[] {
  return readdirSync(workspace).filter(
    (n) => n.startsWith('.literature-triage.json.') && n.endsWith('.journal'),
  );
}

/** Whether `status` for the paper titled `title` is on disk: in the state file or in a journal beside it. */
function onDisk(workspace: string, title: string, status: string): boolean {
  try {
    if (stateOf(workspace, title)?.status === status) return true;
  } catch {
    // a corrupt state file holds nothing
  }
  return journals(workspace).some((name) =>
    readFileSync(join(workspace, name), 'utf8')
      .split('\n')
      .some((line) => {
        try {
          const record = JSON.parse(line) as {
            changes: { after: { title: string; status: string } | null }[];
          };
          return record.changes.some((c) => c.after?.title === title && c.after.status === status);
        } catch {
          return false; // a torn last line was never acknowledged
        }
      }),
  );
}

function toast(page: Page, text: RegExp) {
  return page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
}

async function position(page: Page): Promise<string> {
  return ((await reader(page).locator('.position').textContent()) ?? '').trim();
}

async function waitForPosition(page: Page, at: number): Promise<void> {
  await eventually(() => position(page), `the reader at ${at} of 52`, { until: (p) => p === `${at} of 52` });
}

/** The status bar's `triaged / 52`. */
function progress(page: Page, triaged: number) {
  return page.locator('.statusbar-item', { hasText: new RegExp(`(^|\\D)${triaged} / 52`) }).first();
}

/**
 * Arms a kill -9 of `pid` for the moment the status bar shows `triaged / 52`: a MutationObserver in the page
 * calls a CDP binding, whose event kills at once (a raw CDP binding has fewer hops than Playwright's exposed
 * functions). `lagMs`: the milliseconds from the page seeing the decision to the kill.
 */
async function killWhenShown(page: Page, pid: number, triaged: number): Promise<{ lagMs: Promise<number> }> {
  const cdp = await page.context().newCDPSession(page);
  const binding = `litriageKill${pid}`;
  const lagMs = new Promise<number>((resolve) => {
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name !== binding) return;
      process.kill(pid, 'SIGKILL');
      resolve(Date.now() - Number(event.payload));
      void cdp.detach().catch(() => undefined);
    });
  });
  await cdp.send('Runtime.addBinding', { name: binding });
  await page.evaluate(
    ({ binding, pattern }) => {
      const wanted = new RegExp(pattern);
      const bar = document.querySelector('.part.statusbar')!;
      const observer = new MutationObserver(() => {
        const shown = [...bar.querySelectorAll('.statusbar-item')].some((e) =>
          wanted.test(e.textContent ?? ''),
        );
        if (!shown) return;
        observer.disconnect();
        (window as unknown as Record<string, (payload: string) => void>)[binding]!(String(Date.now()));
      });
      observer.observe(bar, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { binding, pattern: `(^|\\D)${triaged} / 52` },
  );
  return { lagMs };
}

/**
 * Shows the Papers view with its first topic expanded. A window reopened on the folder restores the view by
 * itself, and a click on the active activity bar icon would hide it again.
 */
async function showPapers(page: Page): Promise<void> {
  const icon = page.locator('.activitybar .action-item', {
    has: page.locator('[aria-label^="Literature Triage"]'),
  });
  await icon.first().waitFor({ timeout: 60_000 });
  if (!/\bchecked\b/.test((await icon.first().getAttribute('class')) ?? '')) {
    await openActivity(page, 'Literature Triage');
  }
  // A click while a new window's tree is still being filled can be lost: click again until it is expanded.
  const group = page.locator('.pane-body .monaco-list-row[aria-level="1"]').first();
  await group.waitFor({ timeout: 30_000 });
  await eventually(async () => {
    if ((await group.getAttribute('aria-expanded')) === 'false') await group.click();
    return (await page.locator('.pane-body .monaco-list-row[aria-level="2"]').count()) > 0;
  }, 'the first topic expanded');
  // The mouse rests on the topic row it clicked; that row's hover would cover the paper rows below it.
  await dismissHover(page);
}

/** Presses `key` in the reader `count` times (each decides and moves on); returns the papers decided. */
async function decide(page: Page, key: string, count: number, waitForLast = true): Promise<string[]> {
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = await readerTitle(page);
    titles.push(title);
    await page.keyboard.press(key);
    if (i < count - 1 || waitForLast) await waitForReaderToLeave(page, title);
  }
  return titles;
}

export const tests: UiTest[] = [
  {
    name: 'kill -9 of the extension host right after three decisions, before the state file is saved: they are on disk, the restarted host recovers them and says so',
    async run({ page, baseUrl, workspace }) {
      await openWorkbench(page, baseUrl, workspace);
      await showPapers(page);
      await progress(page, 0).waitFor({ timeout: 30_000 });
      const hosts = extensionHosts(workspace);
      assert.equal(hosts.length, 1, 'one extension host');
      const first = (await paperRowTitles(page))[0]!;
      await paperRow(page, first).click();
      await waitForReaderTitle(page, first);
      await focusReader(page);

      const killed = await killWhenShown(page, hosts[0]!, 3);
      const titles = await decide(page, 'i', 3, false);
      const lagMs = await killed.lagMs;
      console.log(`    killed ${lagMs} ms after the third decision showed`);
      // What matters is that the kill lands before the delayed save (150 ms); the assertion on `unsaved` below
      // checks that it did. A busy machine can take tens of milliseconds to deliver the kill.
      assert.ok(lagMs < 150, `killed ${lagMs} ms after the third decision showed`);
      for (const t of titles) decided.add(t);
      assert.deepEqual(
        titles.filter((t) => !onDisk(workspace, t, 'include')),
        [],
        'decisions the window showed that were not on disk when its extension host died',
      );

      // Decisions more than 150 ms apart were saved to the file meanwhile; the last one never is that quickly.
      const unsaved = titles.filter((t) => stateOf(workspace, t)?.status !== 'include').length;
      assert.ok(unsaved >= 1, 'the last decision was not in the state file yet');

      // The workbench restarts the extension host by itself; the extension replays what the dead one left.
      await eventually(() => extensionHosts(workspace), 'a new extension host', {
        until: (pids) => pids.some((p) => p !== hosts[0]),
      });
      await toast(page, new RegExp(`recovered ${unsaved} edits?\\b`, 'i')).waitFor({ timeout: 30_000 });
      await eventually(
        () => titles.filter((t) => stateOf(workspace, t)?.status !== 'include'),
        'the recovered decisions in the state file',
        { until: (missing) => missing.length === 0 },
      );
      await eventually(() => journals(workspace), 'the journal gone once the file holds its edits', {
        until: (left) => left.length === 0,
      });
      await progress(page, 3).waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'a corrupt state file, the window closed before it is fixed, then reopened: the decisions made meanwhile are recovered and the user told',
    async run({ page, baseUrl, workspace }) {
      const file = join(workspace, 'literature-triage.json');
      const good = existsSync(file)
        ? readFileSync(file, 'utf8')
        : '{ "format": "literature-triage", "papers": {}, "version": 1 }\n';
      writeFileSync(file, '{ "format": "literature-triage", "papers": { oops');
      await toast(page, /cannot read/i).waitFor({ timeout: 15_000 });
      await showPapers(page);
      const untriaged = (await paperRowTitles(page)).find((t) => !decided.has(t))!;
      await paperRow(page, untriaged).click();
      await waitForReaderTitle(page, untriaged);
      await focusReader(page);
      const titles = await decide(page, 'i', 3);
      for (const t of titles) decided.add(t);
      assert.deepEqual(
        titles.filter((t) => !onDisk(workspace, t, 'include')),
        [],
        'not on disk while the file is corrupt',
      );

      await page.goto('about:blank');
      await eventually(() => extensionHosts(workspace), 'the window’s extension host to end', {
        timeoutMs: 30_000,
        until: (pids) => pids.length === 0,
      });
      assert.ok(readFileSync(file, 'utf8').includes('oops'), 'the corrupt file was not overwritten');
      assert.deepEqual(
        titles.filter((t) => !onDisk(workspace, t, 'include')),
        [],
        'not on disk once the window was closed',
      );

      writeFileSync(file, good);
      await openWorkbench(page, baseUrl, workspace);
      await toast(page, /recovered 3 edits/i).waitFor({ timeout: 30_000 });
      await eventually(
        () => [...decided].filter((t) => stateOf(workspace, t)?.status !== 'include'),
        'all six decisions in the state file',
        { until: (missing) => missing.length === 0 },
      );
      await eventually(() => journals(workspace), 'no journal left', { until: (left) => left.length === 0 });
    },
  },
  {
    name: 'two windows (two extension hosts) deciding at the same instant, 25 times each, lose nothing: file and both windows',
    async run({ page, browser, baseUrl, workspace }) {
      const other = await browser.newPage();
      try {
        if (!page.url().startsWith(baseUrl)) await openWorkbench(page, baseUrl, workspace);
        await showPapers(page);
        await openWorkbench(other, baseUrl, workspace);
        await showPapers(other);
        // The host of a window the previous test closed may still be shutting down: wait for it to go.
        await eventually(() => extensionHosts(workspace).length, 'an extension host per window', {
          until: (count) => count === 2,
        });

        const first = (await paperRowTitles(page))[0]!;
        for (const p of [page, other]) {
          await paperRow(p, first).click();
          await waitForReaderTitle(p, first);
          await focusReader(p);
        }
        for (let at = 1; at < 27; at++) {
          await other.keyboard.press('j');
          await waitForPosition(other, at + 1);
        }

        const rounds = 25;
        const excluded: string[] = [];
        const maybe: string[] = [];
        for (let r = 0; r < rounds; r++) {
          excluded.push(await readerTitle(page));
          maybe.push(await readerTitle(other));
          await Promise.all([page.keyboard.press('x'), other.keyboard.press('m')]);
          await Promise.all([waitForPosition(page, r + 2), waitForPosition(other, r + 28)]);
          // Both windows' saves (150 ms after a decision) then run at the same moment.
          await page.waitForTimeout(200);
        }
        for (const t of [...excluded, ...maybe]) decided.add(t);

        const lost = () => [
          ...excluded.filter((t) => stateOf(workspace, t)?.status !== 'exclude'),
          ...maybe.filter((t) => stateOf(workspace, t)?.status !== 'maybe'),
        ];
        await eventually(lost, 'every decision in the state file (these are lost)', {
          until: (missing) => missing.length === 0,
        });
        for (const [name, p] of [
          ['the first window', page],
          ['the second window', other],
        ] as const) {
          const shown = await progress(p, decided.size)
            .waitFor({ timeout: 15_000 })
            .then(() => true)
            .catch(() => false);
          assert.ok(shown, `${name} shows ${decided.size} of 52 triaged`);
        }
        assert.ok(!existsSync(join(workspace, '.literature-triage.json.lock')), 'no lock left');
      } finally {
        await other.close();
      }
    },
  },
];
