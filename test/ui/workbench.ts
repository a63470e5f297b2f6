// Helpers that drive the code-server workbench in Chromium the way a user does.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export async function openWorkbench(page: Page, baseUrl: string, folder: string): Promise<void> {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

export async function openActivity(page: Page, title: string): Promise<void> {
  const icon = page.locator(`.activitybar [aria-label^="${title}"]`).first();
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
}

export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${label}`);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: label })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

export function treeRow(page: Page, text: string) {
  return page.locator('.monaco-list-row', { hasText: text }).first();
}

/** The reader's document: webviews live in two nested iframes (host frame, then the active content frame). */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Runs a context-menu entry of a row (a tree row, a tab...). */
/**
 * Moves the mouse off the workbench's rows and waits for a row's hover tooltip to go: left open by an earlier
 * step, it covers the rows below it and swallows clicks meant for them.
 */
export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page
    .locator('.workbench-hover, .monaco-hover:not(.hidden)')
    .first()
    .waitFor({ state: 'hidden', timeout: 3_000 })
    .catch(() => undefined);
}

export async function contextMenuCommand(page: Page, row: Locator, label: string): Promise<void> {
  await dismissHover(page);
  await row.click({ button: 'right' });
  const item = page
    .locator('.context-view .action-item .action-label', { hasText: new RegExp(`^${label}$`) })
    .first();
  await item.waitFor({ timeout: 10_000 });
  // A menu ignores the mouse for a moment after it opens (so the right-click's release picks nothing).
  await page.waitForTimeout(300);
  await item.hover();
  await item.click();
  await item.waitFor({ state: 'hidden', timeout: 5_000 });
}
