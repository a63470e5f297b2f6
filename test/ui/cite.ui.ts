import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/codeServer';
import type { UiTest } from './uiTest';
import { openActivity, openWorkbench } from './workbench';
import { eventually, readStateFile, writeWorkspaceSettings } from './readerPage';

const shots = join(repoRoot, 'test-results', 'ui');
/** The seed's two speculative-decoding papers. */
const SPECULATIVE = [
  'Continuous Speculative Decoding for Autoregressive Image Generation',
  'LANTERN: Accelerating Visual Autoregressive Models with Relaxed Speculative Decoding',
];
const DOCUMENT =
  '\\documentclass{article}\n\\begin{document}\nDrafting and verifying tokens speeds up generation.\n\n' +
  '\\bibliographystyle{plain}\n\\bibliography{references}\n\\end{document}\n';

/** A screenshot for the README: refreshed in docs/ only on request (UPDATE_DOCS_SCREENSHOTS=1). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = join(shots, `cite--${name}`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  copyFileSync(file, join(repoRoot, 'docs', name));
}

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export const tests: UiTest[] = [
  {
    name: 'typing \\cite{spec in a .tex file offers the speculative-decoding papers; Enter cites one, references.bib gains it and bibtex accepts the .aux',
    async run({ page, baseUrl, workspace }) {
      writeWorkspaceSettings(workspace, { 'workbench.colorTheme': 'Default Light Modern' });
      writeFileSync(join(workspace, 'paper.tex'), DOCUMENT);
      await openWorkbench(page, baseUrl, workspace);
      await openActivity(page, 'Literature Triage');
      await page.locator('.pane-body .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });

      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('paper.tex');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'paper.tex' }).first().click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.waitFor({ timeout: 20_000 });
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(' \\cite{spec', { delay: 60 });

      const widget = page.locator('.editor-widget.suggest-widget.visible');
      const rows = widget.locator('.monaco-list-row');
      const shown = await eventually(
        async () => (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' ')),
        'the suggestion widget with the speculative-decoding papers',
        {
          timeoutMs: 30_000,
          until: (texts) => SPECULATIVE.every((title) => texts.some((t) => t.includes(title.slice(0, 30)))),
        },
      );
      assert.equal(shown.length, 2, `only the two papers whose titles have "spec…": ${shown.join(' | ')}`);
      await keepScreenshot(page, 'cite-completion.png');
      const focusedKey = (
        (await widget.locator('.monaco-list-row.focused .label-name').textContent()) ?? ''
      ).trim();
      assert.ok(focusedKey, 'a key is selected');
      await page.keyboard.press('Enter');

      const lines = editor.locator('.view-lines');
      await eventually(
        async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' '),
        'the key in the editor',
        { until: (text) => text.includes(`speeds up generation \\cite{${focusedKey}}.`) },
      );
      const bib = join(workspace, 'references.bib');
      await eventually(
        () => (existsSync(bib) ? readFileSync(bib, 'utf8') : ''),
        'references.bib with the cited entry',
        { until: (text) => text.includes(`{${focusedKey},`) },
      );
      await eventually(
        () =>
          Object.values(readStateFile(workspace)?.papers ?? {}).some(
            (e) => (e as { key?: string }).key === focusedKey,
          ),
        'the key pinned in the state file',
      );
      await page.keyboard.press('Control+S');
      await eventually(() => readFileSync(join(workspace, 'paper.tex'), 'utf8'), 'the saved .tex file', {
        until: (text) => text.includes(`\\cite{${focusedKey}}`),
      });

      const latex = run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], workspace);
      assert.equal(latex.status, 0, latex.output.slice(-2000));
      const aux = readFileSync(join(workspace, 'paper.aux'), 'utf8');
      assert.ok(aux.includes(`\\citation{${focusedKey}}`), aux);
      const bibtex = run('bibtex', ['paper'], workspace);
      assert.equal(bibtex.status, 0, bibtex.output);
      assert.doesNotMatch(bibtex.output, /didn't find a database entry|error message/i);
      const bbl = readFileSync(join(workspace, 'paper.bbl'), 'utf8');
      assert.ok(bbl.includes(`\\bibitem{${focusedKey}}`), bbl);
    },
  },
];
