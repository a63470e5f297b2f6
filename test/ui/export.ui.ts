import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { UiTest } from './uiTest';
import { openActivity, openWorkbench, runCommand } from './workbench';
import {
  eventually,
  expandAllGroups,
  focusReader,
  paperRow,
  paperRowTitles,
  readStateFile,
  waitForReaderTitle,
} from './readerPage';

/** What the tests learn as they go. */
const session = { included: [] as string[], key: '' };

function keyOf(workspace: string, title: string): string | undefined {
  const entry = Object.values(readStateFile(workspace)?.papers ?? {}).find((e) => e.title === title) as
    { status: string; key?: string } | undefined;
  return entry?.key;
}

function statusOf(workspace: string, title: string): string | undefined {
  return Object.values(readStateFile(workspace)?.papers ?? {}).find((e) => e.title === title)?.status;
}

/** Picks the quick-pick row containing `text` (typing it first narrows the list). */
async function pick(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

function notification(page: Page, text: string | RegExp) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

export const tests: UiTest[] = [
  {
    name: 'two papers included from the reader are exported by Export BibTeX… "included"',
    async run({ page, baseUrl, workspace }) {
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await expandAllGroups(page);
      const titles = await paperRowTitles(page);
      assert.ok(titles.length >= 2, `only ${titles.length} paper rows`);
      const [first, second] = titles as [string, string];

      await paperRow(page, first).click();
      await waitForReaderTitle(page, first);
      await focusReader(page);
      await page.keyboard.press('i');
      await waitForReaderTitle(page, second);
      await page.keyboard.press('i');
      await eventually(
        () => [first, second].map((title) => statusOf(workspace, title)),
        'both papers included in the state file',
        { until: (statuses) => statuses.every((status) => status === 'include') },
      );
      session.included = [first, second];

      await runCommand(page, 'Literature Triage: Export BibTeX…');
      await pick(page, 'Included papers');
      const toast = notification(page, 'Exported 2 entries to “references.bib”: 2 added, 0 already there.');
      await toast.waitFor({ timeout: 20_000 });
      assert.equal(await toast.locator('.monaco-button', { hasText: 'Open File' }).count(), 1);

      const bib = join(workspace, 'references.bib');
      await eventually(() => existsSync(bib), 'references.bib');
      const keys = await eventually(() => {
        const pinned = session.included.map((t) => keyOf(workspace, t));
        return pinned.every(Boolean) ? (pinned as string[]) : undefined;
      }, 'the keys pinned in the state file');
      const text = readFileSync(bib, 'utf8');
      for (const key of keys) assert.ok(text.includes(`{${key},`), `references.bib has ${key}`);
      assert.equal((text.match(/^@/gm) ?? []).length, 2);
      session.key = keys[0]!;
    },
  },
  {
    name: 'Insert Citation puts \\cite{key} into a new .tex file',
    async run({ page, workspace }) {
      writeFileSync(join(workspace, 'draft.tex'), 'As shown by ');
      await runCommand(page, 'View: Close All Editors');
      await page.keyboard.press('Control+P');
      await pick(page, 'draft.tex');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.waitFor({ timeout: 20_000 });
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+End');

      await runCommand(page, 'Literature Triage: Insert Citation');
      const [first] = session.included as [string];
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.nth(1).waitFor({ timeout: 10_000 });
      const top = [await rows.nth(0).textContent(), await rows.nth(1).textContent()].map((t) => t ?? '');
      for (const title of session.included) {
        assert.ok(
          top.some((row) => row.includes(title)),
          `included paper "${title}" is among the first rows: ${top.join(' | ')}`,
        );
      }
      await pick(page, first.slice(0, 40));

      const expected = `As shown by \\cite{${session.key}}`;
      const lines = editor.locator('.view-lines');
      await eventually(
        async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' '),
        'the citation in the editor',
        { timeoutMs: 20_000, until: (text) => text.includes(expected) },
      );
      await page.keyboard.press('Control+S');
      await eventually(() => readFileSync(join(workspace, 'draft.tex'), 'utf8'), 'the saved .tex file', {
        until: (saved) => saved === expected,
      });
    },
  },
];
