// Serves code-server on 127.0.0.1 with the freshly packaged extension installed and a scratch workspace.
// Usage: node --import tsx scripts/serve.ts [--port N] [--folder DIR]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  installVsix,
  makeRunDirs,
  removeRunDirs,
  repoRoot,
  startCodeServer,
} from '../test/harness/codeServer';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dirs = makeRunDirs('start');
  installVsix(dirs, join(repoRoot, 'dist', 'literature-triage.vsix'));
  const folder = option('--folder') ?? join(repoRoot, '.run', 'workspace');
  mkdirSync(folder, { recursive: true });
  const port = Number(option('--port') ?? process.env.PORT ?? (await freePort()));
  const server = await startCodeServer(dirs, {
    port,
    logFile: join(dirs.root, 'code-server.log'),
  });
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  console.log(`Literature Triage is running in code-server: ${url}`);
  console.log('Open the "Literature Triage" icon in the activity bar. Press Ctrl+C to stop.');
  const stop = () => {
    server.stop();
    removeRunDirs(dirs);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    console.log(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}

void main();
