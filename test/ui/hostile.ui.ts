// A corpus whose titles, abstracts, tags and notes all try to run script: the reader must show every one of
// them as the literal text it is, create no element from it, and run nothing.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Paper } from '../../src/core/model/paper';
import { readListing } from '../../src/core/readers/listing';
import { addTag, emptyState, serialize, setNote, type TriageState } from '../../src/core/triage';
import type { UiTest } from './uiTest';
import { openActivity, openWorkbench } from './workbench';
import { expandFirstGroup, paperRow, reader, waitForReaderTitle, writeWorkspaceSettings } from './readerPage';

const fixture = join(__dirname, '../fixtures/hostile/hostile.txt');
const papers: Paper[] = readListing(readFileSync(fixture, 'utf8'), 'hostile.txt').papers;

/** Tags and notes are untrusted too: they come from a state file anyone may have edited. */
const hostileTags = [`<img src=x onerror=alert('PWNED-T1')>`, `"><svg onload=alert('PWNED-T2')>`];
const hostileNote = `</textarea><script>alert('PWNED-N1')</script><img src=x onerror=console.log('PWNED-N2')>`;

const seen = { dialogs: [] as string[], console: [] as string[] };

function stateWithHostileTagsAndNotes(): TriageState {
  const now = '2026-01-01T00:00:00.000Z';
  let state = emptyState();
  for (const paper of papers) {
    for (const tag of hostileTags) state = addTag(state, paper, tag, now);
    state = setNote(state, paper, hostileNote, now);
  }
  return state;
}

/** Replaces alert/confirm/prompt/print and eval-like sinks in every frame with recorders (they still report). */
function trapScriptSinks(): void {
  const calls: string[] = [];
  (window as unknown as { __hostileCalls: string[] }).__hostileCalls = calls;
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    const original = window[name] as (...args: unknown[]) => unknown;
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(',')})`);
      return original.apply(window, args);
    };
  }
}

async function hostileElements(page: Page): Promise<string[]> {
  return reader(page)
    .locator('#app')
    .evaluate((app) => {
      // No named inner functions here: the test runner's transpiler would wrap them in a helper the page lacks.
      const found: string[] = [];
      const roots: ParentNode[] = [app];
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const node of root.querySelectorAll('*')) {
          const tag = node.tagName.toLowerCase();
          if (
            [
              'img',
              'svg',
              'script',
              'iframe',
              'object',
              'embed',
              'a',
              'style',
              'math',
              'b',
              'table',
            ].includes(tag)
          ) {
            found.push(tag);
          }
          for (const attribute of node.getAttributeNames()) {
            if (/^on/i.test(attribute) || /javascript:/i.test(node.getAttribute(attribute) ?? '')) {
              found.push(`${tag}[${attribute}]`);
            }
          }
          if (node.shadowRoot) roots.push(node.shadowRoot);
        }
      }
      return found;
    });
}

export const tests: UiTest[] = [
  {
    name: 'a hostile corpus renders as literal text in the reader and runs nothing',
    async run({ page, baseUrl, workspace }) {
      assert.equal(papers.length, 4, 'the fixture reads as four papers');
      copyFileSync(fixture, join(workspace, 'hostile.txt'));
      writeFileSync(join(workspace, 'literature-triage.json'), serialize(stateWithHostileTagsAndNotes()));
      writeWorkspaceSettings(workspace, {
        'literatureTriage.corpora': ['hostile.txt'],
        'literatureTriage.includeBundledSeed': false,
      });
      page.on('dialog', (dialog) => {
        seen.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('console', (message) => seen.console.push(message.text()));
      await page.addInitScript(trapScriptSinks);

      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
      await expandFirstGroup(page);

      for (const paper of papers) {
        await paperRow(page, paper.title).click();
        await waitForReaderTitle(page, paper.title);
        const content = reader(page);
        assert.equal(await content.locator('.paper-title').textContent(), paper.title);
        const abstract = (await content.locator('.paper-abstract p').allTextContents()).join('\n\n');
        assert.equal(abstract, paper.abstract, 'the abstract, character for character');
        assert.deepEqual(await content.locator('.tag-name').allTextContents(), [...hostileTags].sort());
        assert.equal(await content.locator('.note textarea').inputValue(), hostileNote);
        assert.deepEqual(await content.locator('.link-list button').allTextContents(), paper.links);
        for (const link of paper.links) assert.match(link, /^https?:\/\//);
        assert.deepEqual(await hostileElements(page), [], `no element or handler made from "${paper.title}"`);
        const calls = await content
          .locator('body')
          .evaluate(
            () => (window as unknown as { __hostileCalls?: string[] }).__hostileCalls ?? ['<not trapped>'],
          );
        assert.deepEqual(calls, [], 'no alert, confirm, prompt or print in the reader');
      }

      await page.waitForTimeout(1000);
      assert.deepEqual(seen.dialogs, [], 'no dialog opened');
      const pwned = seen.console.filter((line) => line.includes('PWNED'));
      assert.deepEqual(pwned, [], 'no payload wrote to the console');
      const blocked = seen.console.filter((line) => /Content Security Policy/i.test(line));
      assert.deepEqual(blocked, [], 'nothing the reader does needs the CSP to step in');
    },
  },
  {
    name: 'the tree shows the hostile titles and tags as text too',
    async run({ page }) {
      for (const paper of papers) {
        const row = paperRow(page, paper.title);
        assert.equal(await row.locator('.label-name').textContent(), paper.title);
        assert.equal(await row.locator('img, svg, script, iframe').count(), 0);
      }
      assert.deepEqual(seen.dialogs, []);
    },
  },
];
