// UI tests: code-server with the packaged .vsix installed, driven in headless Chromium. The tests of a file run in
// order on one workbench (like a user's session). Each test leaves a screenshot in test-results/ui/.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureCodeServer,
  freePort,
  installVsix,
  makeRunDirs,
  removeRunDirs,
  repoRoot,
  startCodeServer,
} from '../harness/codeServer';
import { launchBrowser } from '../harness/browser';
import type { UiTest } from './uiTest';

const perTestTimeoutMs = Number(process.env.UI_TEST_TIMEOUT_MS || 90_000);
const shots = join(repoRoot, 'test-results', 'ui');
mkdirSync(shots, { recursive: true });
const slug = (s: string) =>
  s
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runFile(file: string, vsix: string, filter: RegExp | undefined) {
  const { tests: all } = (await import(join(__dirname, file))) as { tests: UiTest[] };
  const counts = { passed: 0, failed: 0 };
  const tests = all.filter((t) => !filter || filter.test(t.name));
  if (tests.length === 0) return counts;
  const dirs = makeRunDirs('ui');
  installVsix(dirs, vsix);
  const server = await startCodeServer(dirs, {
    port: await freePort(),
    logFile: join(repoRoot, 'test-results', `ui-${slug(file)}-code-server.log`),
  });
  const browser = await launchBrowser(dirs);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => console.log(`    [page error] ${e.message}`));
    const context = { page, browser, baseUrl: server.url, workspace: dirs.workspace };
    for (const t of tests) {
      const started = Date.now();
      const shot = join(shots, `${slug(file)}--${slug(t.name)}`);
      try {
        await withTimeout(t.run(context), perTestTimeoutMs, t.name);
        await page.screenshot({ path: `${shot}.png` });
        counts.passed++;
        console.log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
      } catch (error) {
        counts.failed++;
        await page.screenshot({ path: `${shot}.FAILED.png` }).catch(() => undefined);
        console.log(`  ✖ ${t.name} (${Date.now() - started} ms)`);
        console.log(`    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        console.log(`    screenshot: ${shot}.FAILED.png`);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
    removeRunDirs(dirs);
  }
  return counts;
}

async function main() {
  const vsix = join(repoRoot, 'dist', 'literature-triage.vsix');
  if (!existsSync(vsix))
    throw new Error('dist/literature-triage.vsix is missing: run `npm run package` first');
  ensureCodeServer();
  const filter = process.env.UI_GREP ? new RegExp(process.env.UI_GREP, 'i') : undefined;
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ui.ts'))
    .sort();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    console.log(file);
    try {
      const counts = await runFile(file, vsix, filter);
      passed += counts.passed;
      failed += counts.failed;
    } catch (error) {
      failed++;
      console.log(`  ✖ ${file} could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

void main();
