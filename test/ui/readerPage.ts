// Helpers for the reader's UI tests: the Papers tree rows, the reader webview, and the workspace on disk.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { withPatience } from '../harness/eventually';
import { webviewContent } from './workbench';

/** Writes `.vscode/settings.json` of the workspace folder (code-server picks up later edits too). */
export function writeWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

export interface StateFileContent {
  papers: Record<string, { status: string; tags?: string[]; note?: string; title: string }>;
}

export function readStateFile(workspace: string): StateFileContent | undefined {
  const file = join(workspace, 'literature-triage.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StateFileContent) : undefined;
}

/** The triage entry of the paper with this title in the state file, if any. */
export function stateOf(workspace: string, title: string) {
  return Object.values(readStateFile(workspace)?.papers ?? {}).find((entry) => entry.title === title);
}

/** The tests' one polling helper (test/harness/eventually.ts), with the patience a browser driving a workbench needs. */
export const eventually = withPatience({ timeoutMs: 15_000, intervalMs: 100 });

const tree = (page: Page) => page.locator('.pane-body .monaco-list').first();

/**
 * Waits until the Papers tree shows its topics. Until they are found the papers are listed under a "Finding
 * topics…" group, which the topics then replace, collapsed: a row found or a group opened before would be gone.
 */
export async function topicsShown(page: Page): Promise<void> {
  await tree(page).locator('.monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 30_000 });
  await eventually(
    () => tree(page).locator('.monaco-list-row[aria-level="1"] .label-name').allTextContents(),
    'the tree to show its topics',
    { until: (groups) => groups.length > 0 && !groups.includes('Finding topics…') },
  );
}

/** Expands every collapsed group row of the Papers tree, top to bottom. */
export async function expandAllGroups(page: Page): Promise<void> {
  await topicsShown(page);
  for (;;) {
    const collapsed = tree(page).locator('.monaco-list-row[aria-level="1"][aria-expanded="false"]').first();
    if ((await collapsed.count()) === 0) return;
    await collapsed.click();
    await page.waitForTimeout(150);
  }
}

/** Expands the first group row of the Papers tree (rows further down may be out of view). */
export async function expandFirstGroup(page: Page): Promise<void> {
  await topicsShown(page);
  const first = tree(page).locator('.monaco-list-row[aria-level="1"]').first();
  if ((await first.getAttribute('aria-expanded')) === 'false') await first.click();
  await tree(page).locator('.monaco-list-row[aria-level="2"]').first().waitFor();
}

/** Expands group rows from the top until the paper's row is in the tree. */
export async function expandUntilListed(page: Page, title: string): Promise<void> {
  await topicsShown(page);
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await paperRow(page, title).count()) > 0) return;
    const collapsed = tree(page).locator('.monaco-list-row[aria-level="1"][aria-expanded="false"]').first();
    if ((await collapsed.count()) === 0) break;
    await collapsed.click();
    await page.waitForTimeout(150);
  }
  if ((await paperRow(page, title).count()) === 0) throw new Error(`no tree row for "${title}"`);
}

/** The tree row of a paper, found by its exact title. */
export function paperRow(page: Page, title: string): Locator {
  return tree(page)
    .locator('.monaco-list-row[aria-level="2"]')
    .filter({ has: page.locator('.label-name', { hasText: title }) })
    .first();
}

/** Titles of the paper rows currently rendered in the tree, top to bottom. */
export async function paperRowTitles(page: Page): Promise<string[]> {
  return tree(page).locator('.monaco-list-row[aria-level="2"] .label-name').allTextContents();
}

/** The codicon a paper row shows (its status icon), e.g. "pass" or "circle-slash". */
export async function rowIcon(page: Page, title: string): Promise<string> {
  const classes =
    (await paperRow(page, title).locator('.custom-view-tree-node-item-icon').getAttribute('class')) ?? '';
  return /codicon-([a-z-]+)/.exec(classes)?.[1] ?? '';
}

/** The tree redraws a row shortly after a change: waits for the row's status icon. */
export async function expectIcon(page: Page, title: string, icon: string): Promise<void> {
  await eventually(() => rowIcon(page, title), `"${title}" to show the ${icon} icon`, {
    timeoutMs: 10_000,
    until: (shown) => shown === icon,
  });
}

export const reader = (page: Page) => webviewContent(page);

export async function readerTitle(page: Page): Promise<string> {
  return (await reader(page).locator('.paper-title').textContent({ timeout: 30_000 })) ?? '';
}

/** Waits until the reader shows the paper with this title. */
export async function waitForReaderTitle(page: Page, title: string): Promise<void> {
  await eventually(() => readerTitle(page).catch(() => ''), `the reader to show "${title}"`, {
    timeoutMs: 20_000,
    until: (seen) => seen === title,
  });
}

/** Waits until the reader moved away from `title`, and returns the new title. */
export async function waitForReaderToLeave(page: Page, title: string): Promise<string> {
  return eventually(() => readerTitle(page).catch(() => title), `the reader to leave "${title}"`, {
    timeoutMs: 20_000,
    until: (seen) => seen !== title && seen !== '',
  });
}

/** Puts the keyboard focus into the reader webview, on the paper's heading (like a click on the text). */
export async function focusReader(page: Page): Promise<void> {
  await reader(page)
    .locator('.paper-abstract')
    .click({ position: { x: 5, y: 5 } });
  await page.waitForTimeout(200);
}
