// Launches Debian's Chromium headless through playwright-core, with its own profile, HOME and TMPDIR.
import { chromium } from 'playwright-core';
import { isolatedEnv, type RunDirs } from './codeServer';

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(dirs: RunDirs) {
  return chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    env: isolatedEnv(dirs),
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
