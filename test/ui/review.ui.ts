import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import type { UiTest } from './uiTest';
import { openActivity, openWorkbench, runCommand } from './workbench';
import {
  eventually,
  focusReader,
  reader,
  readerTitle,
  readStateFile,
  waitForReaderTitle,
  waitForReaderToLeave,
  writeWorkspaceSettings,
} from './readerPage';

const shots = join(repoRoot, 'test-results', 'ui');
const TARGET = 'Continuous Speculative Decoding for Autoregressive Image Generation';

/** The review protocol a team would keep in .vscode/settings.json. */
const PROTOCOL = {
  'literatureTriage.criteria': [
    '**Include**',
    '- Methods that *speed up* autoregressive generation',
    '- Evaluated on standard benchmarks',
    '',
    '**Exclude**',
    '1. Surveys and position papers',
    '2. Image-only or video-only work',
  ].join('\n'),
  'literatureTriage.exclusionReasons': ['Wrong task', 'Wrong modality', 'Not a primary study'],
  'literatureTriage.highlight': {
    include: ['speculative decoding', 'autoregress*', 'draft model'],
    exclude: ['image', 'video*'],
  },
};

function settings(theme: string): Record<string, unknown> {
  return { 'workbench.colorTheme': theme, ...PROTOCOL };
}

/** A screenshot for the README: refreshed in docs/ only on request (UPDATE_DOCS_SCREENSHOTS=1). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = join(shots, `review--${name}`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  copyFileSync(file, join(repoRoot, 'docs', name));
}

/** The state file's entry for the paper with this title, with its reason. */
function entryOf(workspace: string, title: string): { status: string; reason?: string } | undefined {
  const papers = readStateFile(workspace)?.papers ?? {};
  return Object.values(papers).find((p) => p.title === title) as { status: string; reason?: string };
}

async function openBySearch(page: Page, query: string, title: string): Promise<void> {
  await runCommand(page, 'Literature Triage: Search Papers');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(query);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  for (let step = 0; step < 10 && !((await focused.textContent()) ?? '').includes(title); step++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Enter');
  await waitForReaderTitle(page, title);
}

export const tests: UiTest[] = [
  {
    name: 'the reader shows the criteria, the reason buttons with their keys and the highlight terms (screenshots)',
    async run({ page, baseUrl, workspace }) {
      writeWorkspaceSettings(workspace, settings('Default Light Modern'));
      await openWorkbench(page, baseUrl, workspace);
      await page.locator('.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await openBySearch(page, 'continuous speculative decoding', TARGET);

      const view = reader(page);
      await view.locator('.criteria[open] .criteria-body li').first().waitFor({ timeout: 15_000 });
      assert.deepEqual(await view.locator('.criteria-body strong').allTextContents(), ['Include', 'Exclude']);
      assert.equal(await view.locator('.criteria-body ol li').count(), 2);
      assert.deepEqual(await view.locator('.criteria-body em').allTextContents(), ['speed up']);
      // Search marks split a term into pieces: each piece names its term.
      const termsOf = async (kind: string) => [
        ...new Set(
          await view
            .locator(`.paper-title .term-${kind}`)
            .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.term)),
        ),
      ];
      assert.deepEqual(await termsOf('include'), ['speculative decoding', 'autoregress*']);
      assert.deepEqual(await termsOf('exclude'), ['image']);
      assert.match(
        (await view.locator('.term-counts').textContent()) ?? '',
        /^\d+ inclusion terms?, \d+ exclusion terms?$/,
      );
      const styles = await view
        .locator('.paper-title .term-include, .paper-title .term-exclude')
        .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).textDecorationLine));
      assert.ok(styles.includes('underline') && styles.includes('line-through'), JSON.stringify(styles));
      assert.deepEqual(await view.locator('.reasons vscode-button').allTextContents(), [
        '1 · Wrong task',
        '2 · Wrong modality',
        '3 · Not a primary study',
        'Other reason…',
      ]);
      assert.match((await view.locator('.keys').textContent()) ?? '', /1–3 exclude with that reason/);
      assert.equal((await view.locator('dd.stage').textContent())?.trim(), 'Title/abstract');

      await view.locator('body').evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await keepScreenshot(page, 'review-reader-light.png');
      const colours = () =>
        view
          .locator('body')
          .evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
      const [lightText] = await colours();

      writeWorkspaceSettings(workspace, settings('Default Dark Modern'));
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
      await eventually(colours, 'the reader to take the dark theme colours', {
        until: ([colour]) => colour !== lightText,
      });
      await page.waitForTimeout(500);
      await keepScreenshot(page, 'review-reader-dark.png');
      const [darkText] = await colours();

      writeWorkspaceSettings(workspace, settings('Default High Contrast'));
      await page.locator('.monaco-workbench.hc-black').waitFor({ timeout: 30_000 });
      await eventually(colours, 'the reader to take the high-contrast colours', {
        until: ([colour]) => colour !== darkText,
      });
      await page.waitForTimeout(500);
      await keepScreenshot(page, 'review-reader-high-contrast.png');
      const box = await view
        .locator('.paper-title .term-exclude')
        .first()
        .evaluate((n) => `${getComputedStyle(n).outlineStyle} ${getComputedStyle(n).outlineColor}`);
      assert.ok(box.startsWith('dashed') && !box.endsWith('rgba(0, 0, 0, 0)'), `the exclusion box: ${box}`);
      writeWorkspaceSettings(workspace, settings('Default Dark Modern'));
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'key 2 excludes with the second reason; x asks, and a typed reason joins the list',
    async run({ page, workspace }) {
      await waitForReaderTitle(page, TARGET);
      await focusReader(page);
      await page.keyboard.press('2');
      const next = await waitForReaderToLeave(page, TARGET);
      await eventually(() => entryOf(workspace, TARGET), 'the exclusion with its reason in the state file', {
        until: (entry) => entry?.status === 'exclude' && entry.reason === 'Wrong modality',
      });

      await focusReader(page);
      await page.keyboard.press('x');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Wrong task' }).waitFor();
      await input.fill('Wrong comparator');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'new reason, added to the list' })
        .waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await waitForReaderToLeave(page, next);
      await eventually(() => entryOf(workspace, next), 'the typed reason in the state file', {
        until: (entry) => entry?.status === 'exclude' && entry.reason === 'Wrong comparator',
      });
      await eventually(
        () =>
          (
            JSON.parse(readFileSync(join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<
              string,
              unknown
            >
          )['literatureTriage.exclusionReasons'],
        'the new reason in the workspace settings',
        {
          until: (list) =>
            JSON.stringify(list) ===
            JSON.stringify(['Wrong task', 'Wrong modality', 'Not a primary study', 'Wrong comparator']),
        },
      );
      await reader(page).locator('.reasons vscode-button', { hasText: '4 · Wrong comparator' }).waitFor();
    },
  },
  {
    name: 'the criteria panel stays collapsed from paper to paper once collapsed',
    async run({ page }) {
      const view = reader(page);
      await view.locator('.criteria summary').click();
      await view.locator('.criteria:not([open])').waitFor();
      const before = await readerTitle(page);
      await focusReader(page);
      await page.keyboard.press('j');
      await waitForReaderToLeave(page, before);
      await page.waitForTimeout(300);
      assert.equal(await view.locator('.criteria[open]').count(), 0, 'still collapsed on the next paper');
      await view.locator('.criteria summary').click();
      await view.locator('.criteria[open]').waitFor();
    },
  },
];
