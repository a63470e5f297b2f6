import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import type { UiTest } from './uiTest';
import { contextMenuCommand, openActivity, openWorkbench, runCommand } from './workbench';
import {
  eventually,
  expectIcon,
  reader,
  rowIcon,
  stateOf,
  topicsShown,
  waitForReaderTitle,
  writeWorkspaceSettings,
} from './readerPage';

const tree = (page: Page) => page.locator('.pane-body .monaco-list').first();
const groupRows = (page: Page) => tree(page).locator('.monaco-list-row[aria-level="1"]');
const paperRows = (page: Page) => tree(page).locator('.monaco-list-row[aria-level="2"]');
const quickInput = (page: Page) => page.locator('.quick-input-widget');
const pickRows = (page: Page) => quickInput(page).locator('.quick-input-list .monaco-list-row');

/**
 * Runs Search Papers from F1 and waits for its picker: keys typed before it shows would reach the reader,
 * whose single-letter keys decide.
 */
async function openSearch(page: Page): Promise<void> {
  await runCommand(page, 'Literature Triage: Search Papers');
  await quickInput(page).locator('input[placeholder^="Titles, abstracts"]').waitFor({ timeout: 10_000 });
}

/** How the pickers word each decision. */
const STATUS_WORDS: Record<string, string> = {
  untriaged: 'Untriaged',
  include: 'Included',
  maybe: 'Maybe',
  exclude: 'Excluded',
};

/** What the tests learn as they go: one session over the same papers. */
const session = { title: '', searchTitle: '', workspace: '' };

async function labelOf(row: Locator): Promise<string> {
  return ((await row.locator('.label-name').first().textContent()) ?? '').trim();
}

/** A command from a paper row's context menu (web context menus live in a shadow root, which CSS locators pierce). */

export const tests: UiTest[] = [
  {
    name: 'the Papers view groups the seed by topic with counts; a topic expands to its papers',
    async run({ page, baseUrl, workspace }) {
      session.workspace = workspace;
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      await topicsShown(page);
      const groups = await groupRows(page).count();
      assert.ok(groups >= 2, `${groups} topic rows`);
      let total = 0;
      for (let i = 0; i < groups; i++) {
        const count =
          (await groupRows(page).nth(i).locator('.label-description').textContent())?.trim() ?? '';
        assert.match(count, /^\d+$/, 'each topic shows its paper count');
        total += Number(count);
      }
      assert.equal(total, 52);
      assert.equal(await paperRows(page).count(), 0, 'topics start collapsed');

      const first = groupRows(page).first();
      const firstCount = Number((await first.locator('.label-description').textContent())?.trim());
      await first.click();
      await paperRows(page).first().waitFor({ timeout: 10_000 });
      assert.equal(await first.getAttribute('aria-expanded'), 'true');
      assert.equal(await paperRows(page).count(), firstCount, 'a row for every paper of the topic');
      assert.equal(await rowIcon(page, await labelOf(paperRows(page).first())), 'circle-large-outline');
    },
  },
  {
    name: 'a click on a paper shows it in the reader; Include from the context menu and the inline Exclude change its icon',
    async run({ page }) {
      const row = paperRows(page).first();
      session.title = await labelOf(row);
      await row.click();
      await waitForReaderTitle(page, session.title);

      await contextMenuCommand(page, paperRows(page).first(), 'Include');
      await expectIcon(page, session.title, 'pass');
      await eventually(() => stateOf(session.workspace, session.title)?.status, 'the decision on disk', {
        until: (status) => status === 'include',
      });

      const again = paperRows(page).first();
      await again.hover();
      // Its tooltip names the reader's key too: "Exclude (X)".
      await again.locator('.actions .action-label[aria-label^="Exclude"]').click();
      await expectIcon(page, session.title, 'circle-slash');
      await eventually(() => stateOf(session.workspace, session.title)?.status, 'the new decision on disk', {
        until: (status) => status === 'exclude',
      });
    },
  },
  {
    name: 'rows selected together are excluded together from the context menu',
    async run({ page }) {
      const third = paperRows(page).nth(2);
      const fourth = paperRows(page).nth(3);
      const titles = [await labelOf(third), await labelOf(fourth)];
      await third.click();
      await fourth.click({ modifiers: ['Control'] });
      await eventually(() => tree(page).locator('.monaco-list-row.selected').count(), 'two selected rows', {
        until: (selected) => selected === 2,
      });
      await contextMenuCommand(page, fourth, 'Exclude');
      for (const title of titles) await expectIcon(page, title, 'circle-slash');
      await eventually(
        () => titles.map((title) => stateOf(session.workspace, title)?.status),
        'both decisions on disk',
        { until: (statuses) => statuses.every((status) => status === 'exclude') },
      );
    },
  },
  {
    name: 'Search Papers from F1: typing lists the matches with snippets, Enter opens the reader with the terms highlighted',
    async run({ page }) {
      await openSearch(page);
      await page.keyboard.type('speculative decoding', { delay: 20 });
      const first = pickRows(page).first();
      // Until the typed text's results arrive, the picker lists recent and untriaged papers.
      await eventually(
        async () => (await first.locator('.quick-input-list-label-meta').textContent()) ?? '',
        'the matches, with a snippet around the match',
        { until: (detail) => /speculative/i.test(detail) },
      );
      session.searchTitle = await labelOf(first);
      assert.match(session.searchTitle, /speculative/i, 'the best match first');
      const detail = (await first.locator('.quick-input-list-label-meta').textContent()) ?? '';
      assert.match(detail, /speculative|decod/i, 'a snippet around the match');
      // The paper's own decision (no tags were added in this session).
      const decided = stateOf(session.workspace, session.searchTitle)?.status ?? 'untriaged';
      assert.equal(
        ((await first.locator('.label-description').textContent()) ?? '').trim(),
        STATUS_WORDS[decided],
      );

      await page.keyboard.press('Enter');
      await waitForReaderTitle(page, session.searchTitle);
      // The reader may have shown this paper already: wait for the marks of the search.
      await reader(page).locator('mark').first().waitFor({ timeout: 15_000 });
      const marks = await reader(page).locator('mark').allTextContents();
      assert.ok(
        marks.some((m) => /speculative|decod/i.test(m)),
        `highlighted: ${marks.join(', ')}`,
      );
      // The reader takes the focus, for screening by keyboard.
      await eventually(
        () => page.evaluate(() => document.activeElement?.tagName),
        'the keyboard focus in the reader',
        { until: (focused) => focused === 'IFRAME' },
      );
    },
  },
  {
    name: 'a search row’s Include button decides without leaving the picker',
    async run({ page }) {
      await openSearch(page);
      await page.keyboard.type('gaussian process', { delay: 20 });
      await eventually(() => labelOf(pickRows(page).first()), 'the matches', {
        until: (label) => /gaussian/i.test(label),
      });
      const row = pickRows(page).first();
      const title = await labelOf(row);
      await row.hover();
      await row.locator('.action-label[aria-label^="Include"]').click();
      await eventually(
        async () => ((await pickRows(page).first().locator('.label-description').textContent()) ?? '').trim(),
        'the row to say Included',
        { until: (description) => /^Included/.test(description) },
      );
      assert.ok(await quickInput(page).isVisible(), 'the picker is still open');
      await page.screenshot({ path: join(repoRoot, 'test-results', 'ui', 'triage--search-picker.png') });
      await eventually(() => stateOf(session.workspace, title)?.status, 'the decision on disk', {
        until: (status) => status === 'include',
      });
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden', timeout: 5_000 });
    },
  },
  {
    name: 'the status bar shows triaged / total; a click opens the next untriaged paper',
    async run({ page }) {
      const item = page.locator('.statusbar-item', { hasText: '/ 52' }).first();
      await item.waitFor({ timeout: 10_000 });
      assert.equal(((await item.textContent()) ?? '').trim(), '4 / 52');
      await item.click();
      // The next untriaged paper after the one in the reader, in tree order.
      await eventually(
        async () => ((await reader(page).locator('.paper-title').textContent()) ?? '').trim(),
        'the reader to show an untriaged paper',
        {
          until: (title) =>
            title !== '' && title !== session.searchTitle && stateOf(session.workspace, title) === undefined,
        },
      );
    },
  },
  {
    name: 'Filter Papers… narrows the tree, the view says so, and its Clear Filter button restores it',
    async run({ page }) {
      await runCommand(page, 'Literature Triage: Filter Papers…');
      const box = quickInput(page).locator('input');
      await box.waitFor({ timeout: 10_000 });
      await box.fill('speculative decoding');
      await quickInput(page)
        .locator('.quick-input-message', { hasText: /papers? match/ })
        .waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const message = page.locator('.pane-body .message', { hasText: /of 52 papers match/ });
      await message.waitFor({ timeout: 10_000 });
      assert.equal(
        ((await message.textContent()) ?? '').trim(),
        '2 of 52 papers match “speculative decoding”.',
      );
      // Two seed papers hold both words (in the title or the abstract); their groups open.
      const titles = await paperRows(page).locator('.label-name').allTextContents();
      assert.equal(titles.length, 2, `rows: ${titles.join(' | ')}`);

      await runCommand(page, 'Literature Triage: Filter Papers…');
      await box.fill('qqqzzzxxyy');
      await page.keyboard.press('Enter');
      await page.locator('.pane-body .message', { hasText: 'No papers match' }).waitFor({ timeout: 10_000 });
      assert.equal(
        await page.locator('.welcome-view-content').isVisible(),
        false,
        'not the welcome of an empty corpus',
      );

      // With the Screening Progress view below it, the Papers view shows its title actions on hover (as the
      // Explorer does), so a user points at its header first.
      const header = page.locator('.part.sidebar .pane-header', { hasText: 'Papers' });
      await header.hover();
      await header.locator('.action-label[aria-label^="Clear Filter"]').click();
      await groupRows(page).first().waitFor({ timeout: 10_000 });
      await page
        .locator('.pane-body .message', { hasText: 'match' })
        .waitFor({ state: 'hidden', timeout: 10_000 });
    },
  },
  {
    name: 'without papers the view shows its welcome with Add Corpus File…',
    async run({ page, workspace }) {
      // The run's own workspace, not the session's: run alone (UI_GREP), no earlier test has set that.
      writeWorkspaceSettings(workspace, { 'literatureTriage.includeBundledSeed': false });
      const welcome = page.locator('.welcome-view-content', { hasText: 'No papers yet.' });
      await welcome.waitFor({ timeout: 20_000 });
      assert.ok(
        await welcome.locator('a, .monaco-button', { hasText: 'Add Corpus File' }).first().isVisible(),
      );
      assert.equal(
        await page.locator('.statusbar-item', { hasText: '/ 52' }).count(),
        0,
        'no progress without papers',
      );
      writeWorkspaceSettings(workspace, {});
      await groupRows(page).first().waitFor({ timeout: 20_000 });
    },
  },
];
