import type { BrowserContext, Page } from 'playwright-core';

export interface UiContext {
  page: Page;
  browser: BrowserContext;
  baseUrl: string;
  workspace: string;
}

export interface UiTest {
  name: string;
  run(context: UiContext): Promise<void>;
}
