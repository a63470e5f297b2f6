import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import type { UiTest } from './uiTest';
import { contextMenuCommand, openActivity, openWorkbench, runCommand } from './workbench';
import {
  eventually,
  expandFirstGroup,
  expectIcon,
  expandUntilListed,
  focusReader,
  paperRow,
  paperRowTitles,
  reader,
  readerTitle,
  stateOf,
  waitForReaderTitle,
  waitForReaderToLeave,
  writeWorkspaceSettings,
} from './readerPage';

const shots = join(repoRoot, 'test-results', 'ui');

/** What the tests learn as they go: the session walks through the same papers. */
const session = { titles: [] as string[] };
const SCREENSHOT_NOTE = 'Strong baseline for the related-work section; compare acceptance rates with VAR.';

async function position(page: Page): Promise<string> {
  return ((await reader(page).locator('.position').textContent()) ?? '').trim();
}

async function treeHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('.pane-body .monaco-list') !== null);
}

/** A screenshot for the README: refreshed in docs/ only on request (UPDATE_DOCS_SCREENSHOTS=1). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = join(shots, `reader--${name}`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  copyFileSync(file, join(repoRoot, 'docs', name));
}

export const tests: UiTest[] = [
  {
    name: 'a click in the tree opens the paper in the reader and keeps the focus in the tree',
    async run({ page, baseUrl, workspace }) {
      writeWorkspaceSettings(workspace, { 'workbench.colorTheme': 'Default Light Modern' });
      await openWorkbench(page, baseUrl, workspace);
      await page.locator('.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await expandFirstGroup(page);
      session.titles = await paperRowTitles(page);
      assert.ok(session.titles.length >= 5, `only ${session.titles.length} paper rows`);
      const first = session.titles[0]!;
      await paperRow(page, first).click();
      await waitForReaderTitle(page, first);
      assert.match(await position(page), /^1 of 52$/);
      assert.ok(await treeHasFocus(page), 'the focus stays in the tree');
      // The reader's letter keys belong to the reader: typed in the tree they do not move it.
      await page.keyboard.press('j');
      await page.waitForTimeout(500);
      assert.equal(await readerTitle(page), first, 'j typed in the tree leaves the reader alone');

      const second = session.titles[1]!;
      await paperRow(page, second).click();
      await waitForReaderTitle(page, second);
      assert.equal(await page.locator('iframe.webview').count(), 1, 'one reader panel follows the selection');
      assert.ok(await treeHasFocus(page));
      await paperRow(page, first).click();
      await waitForReaderTitle(page, first);
    },
  },
  {
    name: 'i, x, j, k and u screen papers from the focused reader',
    async run({ page, workspace }) {
      const [a, b, c, d] = session.titles as [string, string, string, string];
      await focusReader(page);
      await page.keyboard.press('i');
      await waitForReaderTitle(page, b);
      assert.equal(await position(page), '2 of 52');
      await expectIcon(page, a, 'pass');
      await page.keyboard.press('x');
      await waitForReaderTitle(page, c);
      await page.keyboard.press('j');
      await waitForReaderTitle(page, d);
      await page.keyboard.press('k');
      await waitForReaderTitle(page, c);

      await expectIcon(page, a, 'pass');
      await expectIcon(page, b, 'circle-slash');
      await expectIcon(page, c, 'circle-large-outline');
      await eventually(() => stateOf(workspace, b)?.status, 'the state file to hold the decisions', {
        until: (status) => status === 'exclude',
      });
      assert.equal(stateOf(workspace, a)?.status, 'include');
      assert.equal(stateOf(workspace, c), undefined);

      // u undoes the exclusion and brings its paper back.
      await page.keyboard.press('u');
      await waitForReaderTitle(page, b);
      await expectIcon(page, b, 'circle-large-outline');
      assert.equal(await reader(page).locator('.status').textContent(), 'Untriaged');
      await page.keyboard.press('x');
      await waitForReaderTitle(page, c);
      await expectIcon(page, b, 'circle-slash');

      // m marks maybe and moves on; u takes it back.
      await page.keyboard.press('m');
      await waitForReaderTitle(page, d);
      await expectIcon(page, c, 'question');
      await page.keyboard.press('u');
      await waitForReaderTitle(page, c);
      await expectIcon(page, c, 'circle-large-outline');
    },
  },
  {
    name: 't adds a tag from the keyboard, and tags are added and removed by mouse',
    async run({ page, workspace }) {
      const paper = await readerTitle(page);
      await focusReader(page);
      await page.keyboard.press('t');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('screening round 1');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'screening round 1' })
        .first()
        .waitFor();
      await page.keyboard.press('Enter');
      const tags = reader(page).locator('.tag-list .tag-name');
      await tags.filter({ hasText: 'screening round 1' }).waitFor({ timeout: 10_000 });
      assert.equal(await readerTitle(page), paper, 'tagging does not move on');
      await eventually(
        async () => (await paperRow(page, paper).textContent()) ?? '',
        'the tree row to show the tag',
        {
          until: (row) => row.includes('screening round 1'),
        },
      );

      await reader(page).locator('.tag-input input').fill('by mouse');
      await reader(page).locator('vscode-button[aria-label="Add tag"]').click();
      await tags.filter({ hasText: 'by mouse' }).waitFor({ timeout: 10_000 });
      assert.deepEqual(await tags.allTextContents(), ['by mouse', 'screening round 1']);
      await reader(page).locator('vscode-button[aria-label="Remove tag by mouse"]').click();
      await tags.filter({ hasText: 'by mouse' }).waitFor({ state: 'detached', timeout: 10_000 });
      await eventually(
        () => JSON.stringify(stateOf(workspace, paper)?.tags),
        'the state file to hold the tag',
        {
          until: (tags) => tags === '["screening round 1"]',
        },
      );
    },
  },
  {
    name: 'a note typed in the reader is saved as you type and its letters are text, not shortcuts',
    async run({ page, workspace }) {
      const paper = await readerTitle(page);
      const note = 'jkimxtu/ all typed: see section 4';
      await reader(page).locator('.note textarea').click();
      await page.waitForTimeout(300);
      await page.keyboard.type(note, { delay: 30 });
      await reader(page).locator('.note-state', { hasText: 'Saved' }).waitFor({ timeout: 10_000 });
      assert.equal(await readerTitle(page), paper, 'the letters did not move the reader');
      assert.equal(await reader(page).locator('.note textarea').inputValue(), note);
      await eventually(() => stateOf(workspace, paper)?.note, 'the note in the state file', {
        until: (saved) => saved === note,
      });
      assert.equal(stateOf(workspace, paper)?.status, 'untriaged', 'typing i and x decided nothing');
      assert.equal(
        await page.locator('.quick-input-widget:visible').count(),
        0,
        'typing t and / opened nothing',
      );
      // Escape leaves the note, and the shortcuts work again once the host has cleared the editing context.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      await page.keyboard.press('j');
      await waitForReaderToLeave(page, paper);
      await page.keyboard.press('k');
      await waitForReaderTitle(page, paper);
      assert.equal(await reader(page).locator('.note textarea').inputValue(), note);
    },
  },
  {
    name: '/ in the reader searches, and the chosen paper opens with the query terms marked',
    async run({ page }) {
      await focusReader(page);
      await page.keyboard.press('/');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      assert.equal(await input.inputValue(), '', 'the / is not typed into the search');
      await input.fill('speculative decoding');
      const target = 'Continuous Speculative Decoding for Autoregressive Image Generation';
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: target })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      const focused = page.locator('.quick-input-list .monaco-list-row.focused');
      for (let step = 0; step < 10 && !((await focused.textContent()) ?? '').includes(target); step++) {
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(100);
      }
      await page.keyboard.press('Enter');
      await waitForReaderTitle(page, target);
      const marks = reader(page).locator('mark');
      await marks.first().waitFor({ timeout: 15_000 });
      const marked = (await marks.allTextContents()).map((t) => t.toLowerCase());
      assert.ok(marked.includes('speculative'), JSON.stringify(marked));
      assert.ok(marked.includes('decoding'), JSON.stringify(marked));
      assert.ok(
        marked.every((t) => /^(speculative|decoding)$/.test(t)),
        JSON.stringify(marked),
      );
      const titleMarks = await reader(page).locator('.paper-title mark').count();
      assert.ok(titleMarks >= 1, 'the title is marked too');
    },
  },
  {
    name: 'the reader is readable in the light and the dark theme (screenshots)',
    async run({ page, workspace }) {
      // The searched paper, with its marks, a tag and a note: what the README shows.
      await reader(page).locator('.tag-input input').fill('speculative decoding');
      await page.keyboard.press('Enter');
      await reader(page).locator('.tag-name', { hasText: 'speculative decoding' }).waitFor();
      await reader(page).locator('.note textarea').fill(SCREENSHOT_NOTE);
      await reader(page).locator('.note-state', { hasText: 'Saved' }).waitFor({ timeout: 10_000 });
      await reader(page).locator('.paper-title').click();
      await reader(page)
        .locator('body')
        .evaluate(() => window.scrollTo(0, 0));
      await reader(page).locator('.similar-list li').first().waitFor();
      await page.waitForTimeout(300);
      await keepScreenshot(page, 'reader-light.png');
      const titleColour = () =>
        reader(page)
          .locator('.paper-title')
          .evaluate((e) => getComputedStyle(e).color);
      const lightText = await titleColour();

      writeWorkspaceSettings(workspace, { 'workbench.colorTheme': 'Default Dark Modern' });
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
      await eventually(titleColour, 'the reader to take the dark theme colours', {
        until: (colour) => colour !== lightText,
      });
      await page.waitForTimeout(500);
      await keepScreenshot(page, 'reader-dark.png');
      const colours = () =>
        reader(page)
          .locator('body')
          .evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
      const [text, background] = await colours();
      assert.notEqual(text, background);

      // High contrast: the marks keep a visible border even where the theme gives them no background.
      writeWorkspaceSettings(workspace, { 'workbench.colorTheme': 'Default High Contrast' });
      await page.locator('.monaco-workbench.hc-black').waitFor({ timeout: 30_000 });
      await eventually(colours, 'the reader to take the high-contrast colours', {
        until: ([colour]) => colour !== text,
      });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, 'reader--reader-high-contrast.png') });
      const [hcText, hcBackground] = await colours();
      assert.notEqual(hcText, hcBackground);
      const markOutline = await reader(page)
        .locator('mark')
        .first()
        .evaluate((m) => getComputedStyle(m).outlineStyle + ' ' + getComputedStyle(m).outlineColor);
      assert.ok(!markOutline.endsWith('rgba(0, 0, 0, 0)'), `the mark's outline is visible: ${markOutline}`);
      writeWorkspaceSettings(workspace, { 'workbench.colorTheme': 'Default Dark Modern' });
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'the reader comes back with its paper after the window reloads',
    async run({ page }) {
      const before = await readerTitle(page);
      // The way a user reloads: the workbench shuts down properly and saves the webview's state.
      const reloaded = page.waitForEvent('framenavigated', {
        predicate: (frame) => frame === page.mainFrame(),
        timeout: 30_000,
      });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await waitForReaderTitle(page, before);
      assert.equal(await reader(page).locator('.note textarea').inputValue(), SCREENSHOT_NOTE);
    },
  },
  {
    name: 'Open Paper to the Side puts the reader beside the editor',
    async run({ page, workspace }) {
      await runCommand(page, 'View: Close All Editors');
      await page.locator('iframe.webview').waitFor({ state: 'detached', timeout: 10_000 });
      writeFileSync(join(workspace, 'draft.md'), '# Related work\n');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill('draft.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'draft.md' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page
        .locator('.editor-group-container .tab', { hasText: 'draft.md' })
        .waitFor({ timeout: 10_000 });
      const title = session.titles[3]!;
      await expandUntilListed(page, title);
      await contextMenuCommand(page, paperRow(page, title), 'Open Paper to the Side');
      await waitForReaderTitle(page, title);
      const groups = page.locator('.editor-group-container');
      assert.equal(await groups.count(), 2);
      assert.equal((await groups.nth(0).locator('.tab').allTextContents()).join('|').trim(), 'draft.md');
      assert.equal(await groups.nth(1).locator('.tab .label-name').textContent(), title);
      const readerBox = await page.locator('iframe.webview.ready').boundingBox();
      const editorBox = await groups.nth(0).boundingBox();
      assert.ok(
        readerBox && editorBox && readerBox.x >= editorBox.x + editorBox.width - 2,
        'the reader is to the right',
      );
    },
  },
];
