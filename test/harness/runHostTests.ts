// Runs the mocha suite in out/test/host inside code-server's real (Node) extension host.
// code-server has no --extensionTestsPath flag; the workbench takes extensionDevelopmentPath and extensionTestsPath
// from the URL payload, runs the tests in the extension host and reports through window.codeAutomationLog/Exit.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import {
  ensureCodeServer,
  freePort,
  makeRunDirs,
  removeRunDirs,
  repoRoot,
  startCodeServer,
  type CodeServer,
} from './codeServer';
import { launchBrowser } from './browser';

const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300_000);

async function main() {
  const resultsDir = join(repoRoot, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  ensureCodeServer();
  const dirs = makeRunDirs('host');
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let sawSummary = false;

  const finish = async (code: number, why: string) => {
    console.log(`[host-tests] ${why}`);
    await browser?.close().catch(() => undefined);
    server?.stop();
    if (code === 0) removeRunDirs(dirs);
    else console.log(`[host-tests] run files kept in ${dirs.root}`);
    if (!sawSummary) console.log('extension-host: 0 passed, 1 failed');
    process.exit(code);
  };

  const timer = setTimeout(() => void finish(2, `timed out after ${timeoutMs} ms`), timeoutMs);
  try {
    const port = await freePort();
    server = await startCodeServer(dirs, { port, logFile: join(resultsDir, 'host-code-server.log') });
    browser = await launchBrowser(dirs);
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (/^extension-host: \d+ passed, \d+ failed/.test(line)) sawSummary = true;
      const log = type === 'error' ? console.error : type === 'warn' ? console.warn : console.log;
      log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      clearTimeout(timer);
      void finish(code, `extension tests exited with ${code}`);
    });
    const authority = `127.0.0.1:${port}`;
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(join(repoRoot, 'out/test/host/index.js'))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    const workspace = process.env.HOST_TEST_WORKSPACE || dirs.workspace;
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`,
    );
  } catch (error) {
    clearTimeout(timer);
    await finish(1, `runner error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

void main();
