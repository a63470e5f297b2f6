import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiTest } from './uiTest';
import { expandAllGroups } from './readerPage';
import { openActivity, openWorkbench, runCommand, treeRow, webviewContent } from './workbench';

const seed = readFileSync(join(__dirname, '../../seeds/hf-daily-papers-seed.txt'), 'utf8');
const thirdTitle = 'Continuous Speculative Decoding for Autoregressive Image Generation';

export const tests: UiTest[] = [
  {
    name: 'the activity-bar icon opens the Papers tree with seed titles',
    async run({ page, baseUrl, workspace }) {
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      // Papers are grouped by topic: open the groups, then read the paper rows.
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await expandAllGroups(page);
      await treeRow(page, thirdTitle).waitFor({ timeout: 30_000 });
      const rows = await page
        .locator('.pane-body .monaco-list-row[aria-level="2"] .label-name')
        .allTextContents();
      assert.ok(rows.length >= 10, `only ${rows.length} rows visible`);
      for (const header of ['Subscribe', 'Jun 6', 'Get trending papers']) {
        assert.ok(
          !rows.some((r) => r.trim() === header || r.includes(header)),
          `header "${header}" shown as a paper`,
        );
      }
      for (const row of rows) assert.ok(seed.includes(row.trim()), `row "${row}" is not a seed title`);
    },
  },
  {
    name: 'Open Paper from F1 shows the abstract inside the webview',
    async run({ page }) {
      await treeRow(page, thirdTitle).click();
      await webviewContent(page).locator('.paper-title').waitFor({ timeout: 30_000 });
      await runCommand(page, 'View: Close All Editors');
      await page.locator('iframe.webview').waitFor({ state: 'detached', timeout: 10_000 });
      await runCommand(page, 'Literature Triage: Open Paper');
      const content = webviewContent(page);
      await content.locator('.paper-title').waitFor({ timeout: 30_000 });
      assert.equal(await content.locator('.paper-title').textContent(), thirdTitle);
      const abstract = (await content.locator('.paper-abstract').allTextContents()).join('\n');
      assert.ok(
        abstract.startsWith('Continuous-valued Autoregressive (AR) image generation models'),
        abstract.slice(0, 80),
      );
      assert.ok(abstract.includes('https://github.com/MarkXCloud/CSpD'));
    },
  },
];
