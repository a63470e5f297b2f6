import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import { mergePapers } from '../../src/core/identity/merge';
import { readCorpus } from '../../src/core/readers';
import { serializeReviewerFile } from '../../src/core/team';
import { decideMany, emptyState, type TriageState, type TriageStatus } from '../../src/core/triage';
import type { UiTest } from './uiTest';
import { dismissHover, openActivity, openWorkbench, runCommand } from './workbench';
import {
  eventually,
  expandUntilListed,
  paperRow,
  reader,
  rowIcon,
  topicsShown,
  waitForReaderTitle,
} from './readerPage';

const shots = join(repoRoot, 'test-results', 'ui');
const ME = 'a@example.org';
const OTHER = 'b@example.org';
const NOW = '2026-12-07T10:00:00.000Z';

const FIRST_GROUP = [
  'Continuous Speculative Decoding',
  'Visual Autoregressive Modeling',
  'D-AR: Diffusion via Autoregressive',
  'Beyond Next-Token',
];

type Decided = Exclude<TriageStatus, 'untriaged'>;

/** The seed's papers as the extension merges them (their ids are what reviewer files name). */
function seedPapers() {
  const file = join(repoRoot, 'seeds', 'hf-daily-papers-seed.txt');
  return mergePapers([readCorpus(readFileSync(file), 'hf-daily-papers-seed.txt').papers]);
}

function reviewerFile(
  workspace: string,
  reviewer: string,
  decisions: [{ id: string; title: string }, Decided][],
) {
  let state: TriageState = emptyState();
  for (const [paper, status] of decisions) state = decideMany(state, [paper], 'titleAbstract', status, NOW);
  const path = join(workspace, 'literature-triage', 'reviewers', `${reviewer}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeReviewerFile({ reviewer, state }));
}

/** The reviewer id is a user setting (application scope): written into this run's user settings. */
function setReviewer(workspace: string, id: string): void {
  const file = join(dirname(workspace), 'user-data', 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...settings, 'literatureTriage.reviewer': id }, null, 2));
}

const tree = (page: Page) => page.locator('.pane-body .monaco-list');
const groupRow = (page: Page, label: string) =>
  tree(page)
    .locator('.monaco-list-row[aria-level="1"]')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

async function description(page: Page, title: string): Promise<string> {
  // A row without a description has no description element.
  return (await paperRow(page, title).locator('.label-description').allTextContents()).join('').trim();
}

export const tests: UiTest[] = [
  {
    name: "blind mode hides the other reviewer's decision icons and counts; Reveal Decisions shows them, the Conflicts group and the reviewers in the reader; resolving from the row ends the conflict",
    async run({ page, baseUrl, workspace }) {
      // Four papers of the first topic group, so their rows are in view once it is expanded.
      const seed = seedPapers();
      const [p0, p1, p2, p3] = FIRST_GROUP.map((start) => seed.find((p) => p.title.startsWith(start)));
      assert.ok(p0 && p1 && p2 && p3, 'the four papers are in the seed');
      // Me: include, include, exclude. The other reviewer: include, exclude, exclude, and includes a 4th.
      reviewerFile(workspace, ME, [
        [p0, 'include'],
        [p1, 'include'],
        [p2, 'exclude'],
      ]);
      reviewerFile(workspace, OTHER, [
        [p0, 'include'],
        [p1, 'exclude'],
        [p2, 'exclude'],
        [p3, 'include'],
      ]);
      setReviewer(workspace, ME);
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      await topicsShown(page);

      // Blind: my decisions only. The paper only the other reviewer decided shows as untriaged.
      await expandUntilListed(page, p3.title);
      await expandUntilListed(page, p1.title);
      assert.equal(await rowIcon(page, p3.title), 'circle-large-outline');
      assert.equal(await rowIcon(page, p1.title), 'pass');
      assert.doesNotMatch(await description(page, p3.title), /b@example\.org/);
      assert.equal(
        await groupRow(page, 'Conflicts').count(),
        0,
        'no conflicts group (nor its count) while blind',
      );
      const conflictCount = page.locator(
        '.statusbar [aria-label$="open conflicts at title/abstract. Activate to open the next one."]',
      );
      assert.equal(await conflictCount.count(), 0, 'no conflict count in the status bar while blind');

      await runCommand(page, 'Literature Triage: Reveal Decisions');
      const conflicts = groupRow(page, 'Conflicts');
      await conflicts.waitFor({ timeout: 15_000 });
      assert.equal(((await conflicts.locator('.label-description').textContent()) ?? '').trim(), '1');
      await conflictCount.first().waitFor({ timeout: 10_000 });
      assert.match((await conflictCount.first().textContent()) ?? '', /1/);
      await eventually(() => description(page, p3.title), "the other reviewer's decision on the 4th paper", {
        until: (text) => text.includes(`${OTHER}: Included`),
      });

      // The conflict's paper, and under it each reviewer's decision with its icon.
      const conflictPaper = tree(page)
        .locator('.monaco-list-row[aria-level="2"]')
        .filter({ has: page.locator('.label-name', { hasText: p1.title }) })
        .first();
      await conflictPaper.waitFor({ timeout: 10_000 });
      // The row's click opens the paper; its twistie unfolds the reviewers.
      if ((await conflictPaper.getAttribute('aria-expanded')) === 'false')
        await conflictPaper.locator('.monaco-tl-twistie').click();
      const reviewers = tree(page).locator('.monaco-list-row[aria-level="3"]');
      const rows = await eventually(
        async () => {
          const out: string[] = [];
          for (const row of await reviewers.all()) {
            const name = ((await row.locator('.label-name').textContent()) ?? '').trim();
            const classes =
              (await row.locator('.custom-view-tree-node-item-icon').getAttribute('class')) ?? '';
            out.push(`${name} ${/codicon-([a-z-]+)/.exec(classes)?.[1] ?? ''}`);
          }
          return out;
        },
        "each reviewer's row under the conflict",
        { until: (r) => r.length === 2 },
      );
      assert.deepEqual(rows, [`${ME} (you) pass`, `${OTHER} circle-slash`]);

      // The reader shows who decided what, and that the conflict is open.
      await conflictPaper.locator('.label-name').click();
      await waitForReaderTitle(page, p1.title);
      const reviewersList = reader(page).locator('.reviewers li');
      await eventually(() => reviewersList.allTextContents(), "the reviewers' decisions in the reader", {
        until: (items) => items.length === 2,
      });
      assert.deepEqual(await reviewersList.allTextContents(), [
        `${ME} (you): Included`,
        `${OTHER}: Excluded`,
      ]);
      assert.match((await reader(page).locator('.final-decision').textContent()) ?? '', /^Open conflict/);
      await page.screenshot({ path: join(shots, 'team--conflicts.png') });
      if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
        copyFileSync(join(shots, 'team--conflicts.png'), join(repoRoot, 'docs', 'team-conflicts.png'));
      }

      // Resolve it from the row's button: the final decision shows in the reader, the conflict is gone.
      await dismissHover(page);
      await conflictPaper.hover();
      await conflictPaper.locator('.action-label[aria-label^="Resolve Conflict"]').click();
      const pick = page.locator('.quick-input-widget');
      await pick.locator('.quick-input-list .monaco-list-row', { hasText: 'Excluded' }).first().waitFor();
      await page.keyboard.type('Excluded');
      await page.keyboard.press('Enter');
      // No exclusion reasons are set and none is required: the exclusion needs no reason pick.
      await eventually(
        async () => (await reader(page).locator('.final-decision').textContent()) ?? '',
        'the final decision in the reader',
        { until: (text) => text.startsWith(`Excluded (resolved by ${ME}`) },
      );
      await eventually(() => groupRow(page, 'Conflicts').count(), 'the Conflicts group to go', {
        until: (n) => n === 0,
      });
      await eventually(() => conflictCount.count(), 'the conflict count to go', { until: (n) => n === 0 });
    },
  },
];
