// The systematic-review walk-through: the protocol in the workspace settings, screening with the reason
// keys, one report excluded at full text with a reason, and the PRISMA view's numbers.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import type { UiTest } from './uiTest';
import { openActivity, openWorkbench, runCommand, webviewContent } from './workbench';
import {
  eventually,
  expandFirstGroup,
  focusReader,
  paperRow,
  paperRowTitles,
  readerTitle,
  readStateFile,
  waitForReaderTitle,
  writeWorkspaceSettings,
} from './readerPage';

const shots = join(repoRoot, 'test-results', 'ui');
const REASONS = ['Wrong population', 'Wrong outcome', 'Not a primary study'];
const session = { titles: [] as string[] };

interface Entry {
  title: string;
  status: string;
  reason?: string;
  fullText?: { status: string; reason?: string };
}

function entryOf(workspace: string, title: string): Entry | undefined {
  return Object.values((readStateFile(workspace)?.papers ?? {}) as Record<string, Entry>).find(
    (e) => e.title === title,
  );
}

/** A screenshot for the README: refreshed in docs/ only on request (UPDATE_DOCS_SCREENSHOTS=1). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = join(shots, `review-flow--${name}`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  copyFileSync(file, join(repoRoot, 'docs', name));
}

/** Picks a quick pick's item by typing its label (a click can land on a list that is still being laid out). */
async function pickQuickItem(page: Page, placeholder: string, label: string): Promise<void> {
  const input = page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`);
  await input.waitFor({ timeout: 10_000 });
  await input.fill(label);
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: label })
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The numbers the PRISMA view shows in a box of the diagram: "n = 5" → "5". */
async function boxNumbers(page: Page, field: string): Promise<string[]> {
  const texts = await webviewContent(page).locator(`g[data-box="${field}"] tspan.count`).allTextContents();
  return texts.map((t) => t.replace(/^n = /, ''));
}

export const tests: UiTest[] = [
  {
    name: 'with criteria, reasons and highlight terms set, five papers are screened with 1–3 and i',
    async run({ page, baseUrl, workspace }) {
      writeWorkspaceSettings(workspace, {
        'workbench.colorTheme': 'Default Light Modern',
        'literatureTriage.criteria':
          '## Include\n- Large language models\n\n## Exclude\n- Not a primary study (surveys, position papers)',
        'literatureTriage.exclusionReasons': REASONS,
        'literatureTriage.highlight': { include: ['language model*', 'diffusion'], exclude: ['survey*'] },
      });
      await openWorkbench(page, baseUrl, workspace);
      await page.locator('.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await expandFirstGroup(page);
      session.titles = await paperRowTitles(page);
      assert.ok(session.titles.length >= 6, `only ${session.titles.length} paper rows in the first group`);
      const [a, b, c, d, e, f] = session.titles as [string, string, string, string, string, string];
      await paperRow(page, a).click();
      await waitForReaderTitle(page, a);
      await focusReader(page);
      for (const [key, next] of [
        ['1', b],
        ['2', c],
        ['3', d],
        ['i', e],
        ['i', f],
      ] as const) {
        await page.keyboard.press(key);
        await waitForReaderTitle(page, next);
      }
      await eventually(() => entryOf(workspace, e)?.status, 'the state file to hold the five decisions', {
        until: (status) => status === 'include',
      });
      assert.deepEqual(
        [a, b, c].map((t) => [entryOf(workspace, t)?.status, entryOf(workspace, t)?.reason]),
        REASONS.map((reason) => ['exclude', reason]),
      );
      assert.equal(entryOf(workspace, d)?.status, 'include');
    },
  },
  {
    name: 'at the full-text stage one report is excluded with a reason',
    async run({ page, workspace }) {
      const [, , , d, e] = session.titles as [string, string, string, string, string];
      await runCommand(page, 'Switch Screening Stage');
      await pickQuickItem(page, 'Screen at which stage?', 'Full text');
      await page.locator('.statusbar-item', { hasText: 'Full text' }).first().waitFor({ timeout: 10_000 });
      // The full-text queue: the papers included at title/abstract.
      await runCommand(page, 'Next Untriaged');
      const assessed = await eventually(() => readerTitle(page), 'a report to assess in the reader', {
        until: (title) => title === d || title === e,
      });
      await focusReader(page);
      await page.keyboard.press('2');
      await eventually(
        () => entryOf(workspace, assessed)?.fullText,
        'the full-text exclusion in the state file',
        {
          until: (fullText) => fullText?.status === 'exclude',
        },
      );
      // The reader moves on along the full-text queue: to the other report, not to the next row of the tree.
      await waitForReaderTitle(page, assessed === d ? e : d);
      const entry = entryOf(workspace, assessed)!;
      assert.equal(entry.fullText?.reason, 'Wrong outcome');
      assert.equal(entry.status, 'include', 'the title/abstract decision stays');
    },
  },
  {
    name: 'the PRISMA view shows the numbers of the screening (screenshot)',
    async run({ page }) {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Show PRISMA Flow Diagram');
      await webviewContent(page).locator('g[data-box="included"]').waitFor({ timeout: 20_000 });
      assert.deepEqual(await boxNumbers(page, 'screened'), ['5']);
      assert.deepEqual(await boxNumbers(page, 'excluded_screening'), ['3']);
      assert.deepEqual(await boxNumbers(page, 'sought'), ['2']);
      assert.deepEqual(await boxNumbers(page, 'not_retrieved'), ['0']);
      assert.deepEqual(await boxNumbers(page, 'assessed'), ['1']);
      assert.deepEqual(await boxNumbers(page, 'excluded_reports'), ['1', '1']);
      assert.deepEqual(await boxNumbers(page, 'included'), ['0']);
      const reasons = await webviewContent(page).locator('g[data-box="excluded_reports"]').textContent();
      assert.match(reasons ?? '', /Wrong outcome/);
      const notes = await webviewContent(page).locator('g[data-box="notes"]').textContent();
      assert.match(notes ?? '', /Awaiting full-text assessment: 1 report/);
      await keepScreenshot(page, 'prisma-flow.png');
    },
  },
];
