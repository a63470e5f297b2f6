import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/extension/commands';

// The reader's review keys as package.json binds them: the host tests run the commands the way these
// bindings do (the command, with the binding's `args` as its only argument).

interface Keybinding {
  key: string;
  command: string;
  args?: unknown;
  when?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { keybindings: Keybinding[] };
};
const bindings = manifest.contributes.keybindings;
const readerWhen = bindings.find((b) => b.key === 'i')!.when;

test('keys 1–9 exclude with reason 1–9, only where i, m and x work (the reader, no text field)', () => {
  for (let n = 1; n <= 9; n++) {
    const found = bindings.filter((b) => b.key === String(n));
    assert.equal(found.length, 1, `one binding for ${n}`);
    assert.equal(found[0]!.command, COMMANDS.excludeWithReason);
    assert.equal(found[0]!.args, n);
    assert.equal(found[0]!.when, readerWhen);
  }
  assert.match(readerWhen ?? '', /!literatureTriage\.readerEditing/);
});

test('x asks for the reason; i includes; the plain Exclude command keeps no key of its own', () => {
  const key = (k: string) => bindings.filter((b) => b.key === k).map((b) => [b.command, b.args, b.when]);
  assert.deepEqual(key('x'), [[COMMANDS.excludeWithReason, undefined, readerWhen]]);
  assert.deepEqual(key('i'), [[COMMANDS.include, undefined, readerWhen]]);
  assert.deepEqual(
    bindings.filter((b) => b.command === COMMANDS.exclude),
    [],
  );
});
