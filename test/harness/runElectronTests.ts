// Runs the same extension-host mocha suite under desktop VS Code via @vscode/test-electron (2.5.x, the Node 20 line).
// Uses VSCODE_EXECUTABLE when set; otherwise @vscode/test-electron downloads VS Code (needs internet).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

async function main() {
  const workspace = mkdtempSync(join(tmpdir(), 'litriage-electron-'));
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/host/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      ...(process.env.VSCODE_EXECUTABLE
        ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
        : { version: '1.100.3' }),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

void main();
