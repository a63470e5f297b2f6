// Paper text, file names and tags that try to become a command link or an icon outside the reader: in
// notifications, quick picks, tree rows and their hovers. None may, no terminal may open, and the marker file a
// sendSequence payload would write must not appear.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { UiTest } from './uiTest';
import { dismissHover, openActivity, openWorkbench, runCommand } from './workbench';
import { eventually, expandFirstGroup, paperRow, readerTitle, writeWorkspaceSettings } from './readerPage';

// Icons the product never shows, so any such element came from paper text.
const SPOOFED_ICONS = '.codicon-shield, .codicon-github, .codicon-verified-filled';
const COMMAND_LINKS = 'a[href^="command:"], a[href*="command:"]';

function payloads(marker: string) {
  const send = `command:workbench.action.terminal.sendSequence?{"text":"touch%20${marker}\\n"}`;
  return {
    title: `[Fix tags](${send}) $(shield) $(github) $(verified-filled) \u202Eevil`,
    // A file name may hold brackets, parentheses and a colon: everything a command link needs.
    badFile: `[Open the file](command:workbench.action.terminal.new).bib`,
    // A paper id in a state file that arrives with a colleague's pull request.
    stateId: `[Open the file](${send})`,
  };
}

async function toastText(page: Page, hasText: string): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText }).first();
  await toast.waitFor({ timeout: 30_000 });
  return ((await toast.locator('.notification-list-item-message').textContent()) ?? '').replace(
    /\u200B/g,
    '',
  );
}

async function assertNothingEscaped(page: Page, where: string, marker: string): Promise<void> {
  assert.equal(
    await page.locator(`.notifications-toasts ${COMMAND_LINKS}`).count(),
    0,
    `${where}: no command link in a notification`,
  );
  assert.equal(
    await page.locator(`.quick-input-widget ${COMMAND_LINKS}`).count(),
    0,
    `${where}: no command link in a quick pick`,
  );
  assert.equal(
    await page.locator(`.monaco-hover ${COMMAND_LINKS}, .workbench-hover ${COMMAND_LINKS}`).count(),
    0,
    `${where}: no command link in a hover`,
  );
  assert.equal(await page.locator(SPOOFED_ICONS).count(), 0, `${where}: no icon made from paper text`);
  assert.equal(await page.locator('.terminal-wrapper, .xterm').count(), 0, `${where}: no terminal opened`);
  assert.equal(existsSync(marker), false, `${where}: the sendSequence payload wrote nothing`);
}

let marker = '';

export const tests: UiTest[] = [
  {
    name: 'a corpus file whose name is a command link is named in its error as text',
    async run({ page, baseUrl, workspace }) {
      marker = join(workspace, 'PWNED-marker');
      const hostile = payloads(marker);
      const abstract =
        'This abstract is long enough to be read as an abstract rather than a title by the listing reader, which wants ' +
        'a block of a few hundred characters after a title line. It also carries [Run](command:workbench.action.terminal.new) ' +
        'and $(shield) in its text, which the hover and the search picker show. '.repeat(3);
      writeFileSync(join(workspace, 'hostile.txt'), `Hostile surfaces\n\n${hostile.title}\n\n${abstract}\n`);
      // Not UTF-8: a file no reader can read, so its error names it.
      writeFileSync(join(workspace, hostile.badFile), Buffer.from([0x40, 0xc3, 0x28, 0xff, 0x00, 0x7b]));
      writeWorkspaceSettings(workspace, {
        'literatureTriage.corpora': ['hostile.txt', hostile.badFile],
        'literatureTriage.includeBundledSeed': false,
      });
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      const toast = page.locator('.notifications-toasts .notification-list-item', {
        hasText: 'cannot read corpus',
      });
      await toast.first().waitFor({ timeout: 30_000 });
      const text = (await toast.first().locator('.notification-list-item-message').textContent()) ?? '';
      assert.ok(text.replace(/\u200B/g, '').includes(hostile.badFile), `the file is named as typed: ${text}`);
      await assertNothingEscaped(page, 'corpus error', marker);
    },
  },
  {
    name: 'a hostile title shows as text in the tree, its hover and the Open Paper picker',
    async run({ page }) {
      await expandFirstGroup(page);
      const row = paperRow(page, 'Fix tags');
      await row.waitFor({ timeout: 30_000 });
      const label = (await row.locator('.label-name').textContent()) ?? '';
      assert.ok(label.replace(/\u200B/g, '').includes('$(shield) $(github)'), `tree label: ${label}`);
      assert.ok(!label.includes('\u202E'), 'no bidi override in the tree label');
      // The row's own hover must open: checking "a hover" for links and icons means nothing if it is another
      // one (the activity bar's, left from the click that opened the view) or none.
      await dismissHover(page);
      await row.hover();
      const hover = page
        .locator('.workbench-hover, .monaco-hover:not(.hidden)', { hasText: 'Fix tags' })
        .first();
      await hover.waitFor({ timeout: 10_000 });
      assert.ok(
        ((await hover.textContent()) ?? '').replace(/\u200B/g, '').includes('$(shield) $(github)'),
        'the hover shows the title as typed',
      );
      await assertNothingEscaped(page, 'tree row and its hover', marker);
      await dismissHover(page);

      await runCommand(page, 'Literature Triage: Open Paper');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Fix tags' })
        .first()
        .waitFor({ timeout: 10_000 });
      await assertNothingEscaped(page, 'Open Paper picker', marker);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the reader shows a bidi override in a title as an escape, not reordered text',
    async run({ page }) {
      await paperRow(page, 'Fix tags').click();
      const title = await eventually(
        () => readerTitle(page).catch(() => ''),
        'the reader shows the hostile paper',
        {
          until: (seen) => seen.includes('Fix tags'),
        },
      );
      assert.ok(title.endsWith('$(verified-filled) \\u202Eevil'), `reader title: ${JSON.stringify(title)}`);
      assert.ok(!title.includes('\u202E'), 'no live override in the reader');
      await assertNothingEscaped(page, 'reader', marker);
    },
  },
  {
    name: 'the Add Tag picker titled with the hostile paper and the Search picker show it as text',
    async run({ page }) {
      await runCommand(page, 'Literature Triage: Add Tag…');
      await page
        .locator('.quick-input-widget .quick-input-title', { hasText: 'Fix tags' })
        .waitFor({ timeout: 10_000 });
      await assertNothingEscaped(page, 'Add Tag picker', marker);
      await page.keyboard.press('Escape');

      await runCommand(page, 'Literature Triage: Search Papers');
      await page.keyboard.type('shield');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Fix tags' })
        .first()
        .waitFor({ timeout: 10_000 });
      await assertNothingEscaped(page, 'Search picker', marker);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Remove Tag on an untagged hostile paper says it has no tags, as text',
    async run({ page }) {
      // The row's menu offers Remove Tag only on tagged papers; the palette acts on the paper in the reader.
      await runCommand(page, 'Literature Triage: Remove Tag…');
      const text = await toastText(page, 'has no tags');
      assert.ok(text.includes('[Fix tags](command:'), `the title is quoted as typed: ${text}`);
      await assertNothingEscaped(page, 'Remove Tag notification', marker);
    },
  },
  {
    name: 'a state file whose paper id is a command link is named in the "cannot read" error as text',
    async run({ page, workspace }) {
      const hostile = payloads(marker);
      const state = {
        format: 'literature-triage',
        papers: { [hostile.stateId]: { status: 'bogus', updated: '2026-01-01T00:00:00Z' } },
        version: 1,
      };
      writeFileSync(join(workspace, 'literature-triage.json'), JSON.stringify(state, null, 2));
      const text = await toastText(page, 'literature-triage.json');
      assert.ok(text.includes(`paper "${hostile.stateId.slice(0, 40)}`), `the id is shown as typed: ${text}`);
      await assertNothingEscaped(page, 'state file error', marker);
    },
  },
];
