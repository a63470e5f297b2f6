import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const ACTED_ON = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
const HOSTILE_TITLE = 'Evil \u001b]0;pwned\u0007 \u001b[2J decoding \u202Egnp.exe\r\nwarning: fake';

const dir = mkdtempSync(join(tmpdir(), 'litriage-terminal-'));
const corpus = join(dir, 'hostile.json');
writeFileSync(
  corpus,
  JSON.stringify([
    { id: 'evil', type: 'article-journal', title: HOSTILE_TITLE, abstract: 'about decoding \u001b[5m' },
    { id: 'plain', type: 'article-journal', title: 'A plain paper on decoding', abstract: 'decoding' },
  ]),
);

const topicsFile = join(dir, 'topics.json');
writeFileSync(topicsFile, JSON.stringify({ 'Mine\nwarning: fake \u001b[2J': 'decoding' }));

async function run(argv: string[], stdoutIsTerminal = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
    stdoutIsTerminal,
  });
  return { code, stdout, stderr };
}

function assertSafe(text: string, what: string) {
  const found = ACTED_ON.exec(text);
  assert.equal(
    found,
    null,
    `${what}: raw U+${found?.[0].charCodeAt(0).toString(16)} in ${JSON.stringify(text)}`,
  );
}

test('search, topics and stats print a hostile title escaped, each paper on one line', async () => {
  for (const argv of [
    ['search', 'decoding', '--corpus', corpus],
    ['topics', '--corpus', corpus, '--topics', topicsFile],
    ['stats', '--corpus', corpus],
  ]) {
    const { code, stdout, stderr } = await run(argv);
    assert.equal(code, 0, argv.join(' '));
    assertSafe(stdout, `${argv[0]} stdout`);
    assertSafe(stderr, `${argv[0]} stderr`);
    assert.doesNotMatch(stdout, /^warning: fake/m, 'the title cannot start a line of its own');
  }
  const topics = await run(['topics', '--corpus', corpus, '--topics', topicsFile]);
  assert.match(topics.stdout, /^Mine\\u000Awarning: fake \\u001B\[2J \(\d+\) \[user topic\]$/m);
  const { stdout } = await run(['search', 'decoding', '--corpus', corpus]);
  assert.match(stdout, /Evil \\u001B\]0;pwned\\u0007 \\u001B\[2J decoding \\u202Egnp\.exe warning: fake/);
});

test('--json gives the exact title back and prints nothing a terminal acts on', async () => {
  for (const argv of [
    ['search', 'decoding', '--json', '--corpus', corpus],
    ['topics', '--json', '--corpus', corpus],
  ]) {
    const { code, stdout } = await run(argv);
    assert.equal(code, 0);
    assertSafe(stdout.replace(/\n/g, ''), `${argv[0]} --json`);
    assert.ok(stdout.includes('\\u202E'), 'the override is kept, escaped');
  }
  const rows = JSON.parse((await run(['search', 'decoding', '--json', '--corpus', corpus])).stdout) as {
    title: string;
  }[];
  assert.ok(
    rows.some((r) => r.title.includes('\u202Egnp.exe')),
    'JSON keeps the title as the corpus has it',
  );
});

test('BibTeX holds no control or bidi characters, on stdout, on a terminal and in --out', async () => {
  const onPipe = await run(['export', '--status', 'all', '--corpus', corpus]);
  const onTerminal = await run(['export', '--status', 'all', '--corpus', corpus], true);
  const out = join(dir, 'refs.bib');
  const toFile = await run(['export', '--status', 'all', '--corpus', corpus, '--out', out]);
  for (const r of [onPipe, onTerminal, toFile]) assert.equal(r.code, 0, r.stderr);
  assertSafe(onPipe.stdout.replace(/\n/g, ''), 'bib on a pipe');
  assertSafe(onTerminal.stdout.replace(/\n/g, ''), 'bib on a terminal');
  assertSafe(readFileSync(out, 'utf8').replace(/\n/g, ''), 'bib file');
  assert.match(onPipe.stdout, /title = \{Evil \]0;pwned \{\[2J\} decoding gnp\.exe warning: fake\}/);
});

test('a hostile file name in an error is escaped', async () => {
  const { code, stderr } = await run(['stats', '--corpus', join(dir, 'no\u001b[2Jsuch\u202E.json')]);
  assert.equal(code, 1);
  assertSafe(stderr.replace(/\n/g, ''), 'error');
  assert.match(stderr, /no\\u001B\[2Jsuch\\u202E\.json/);
});
