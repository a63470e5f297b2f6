// Starts the pinned code-server on 127.0.0.1 with throwaway HOME/TMPDIR/XDG/user-data dirs and stops it by pid.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logChildOutput } from './childLog';
import { eventually } from './eventually';

export const repoRoot = join(__dirname, '..', '..');
export const codeServerBin = join(repoRoot, 'test/code-server/node_modules/.bin/code-server');

export function ensureCodeServer() {
  const r = spawnSync('bash', [join(repoRoot, 'scripts/ensure-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('code-server is not installed and could not be installed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh set of directories for one run; everything code-server and Chromium write goes here. */
export type RunDirs = ReturnType<typeof makeRunDirs>;

export function makeRunDirs(label: string) {
  const root = mkdtempSync(join(tmpdir(), `litriage-${label}-`));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    xdgData: join(root, 'xdg-data'),
    xdgConfig: join(root, 'xdg-config'),
    xdgCache: join(root, 'xdg-cache'),
    workspace: join(root, 'workspace'),
    browserProfile: join(root, 'browser-profile'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'window.restoreWindows': 'none',
    }),
  );
  return dirs;
}

export function isolatedEnv(dirs: RunDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_CACHE_HOME: dirs.xdgCache,
  };
}

export function installVsix(dirs: RunDirs, vsix: string): void {
  const r = spawnSync(
    codeServerBin,
    ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { env: isolatedEnv(dirs), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    get(`http://127.0.0.1:${port}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

/** Starts code-server in its own process group; resolves once /healthz answers. */
export interface CodeServer {
  child: ChildProcess;
  stop(): void;
  url: string;
}

export async function startCodeServer(
  dirs: RunDirs,
  { port, logFile, extraArgs = [] }: { port: number; logFile: string; extraArgs?: string[] },
): Promise<CodeServer> {
  const config = join(dirs.root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const child = spawn(
    codeServerBin,
    [
      '--config',
      config,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...extraArgs,
    ],
    { env: isolatedEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  void logChildOutput(child, logFile);
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000).unref();
  };
  try {
    await eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
        return healthy(port);
      },
      `code-server to answer on port ${port}`,
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } catch (error) {
    stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; see ${logFile}`, {
      cause: error,
    });
  }
  return { child, stop, url: `http://127.0.0.1:${port}` };
}

export function removeRunDirs(dirs: RunDirs): void {
  if (existsSync(dirs.root)) rmSync(dirs.root, { recursive: true, force: true });
}
