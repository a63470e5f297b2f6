import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayText, displayTextMapped, quotedText } from '../../../src/core/text/displayText';

// The syntaxes the editor's surfaces render: a notification's link, a quick pick's or status bar's icon.
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const ICON = /\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i;
const visible = (text: string) => text.replace(/\u200B/g, '');

test('a command link in paper text is no longer a link, and reads the same', () => {
  const title = '[Fix tags](command:workbench.action.terminal.new)';
  const shown = displayText(title);
  assert.doesNotMatch(shown, LINK);
  assert.equal(visible(shown), title);
  const payload = '[x](command:workbench.action.terminal.sendSequence?{"text":"touch%20/tmp/m\\n"} "t")';
  assert.doesNotMatch(displayText(payload), LINK);
});

test('icon syntax is no longer an icon, escaped or not', () => {
  for (const title of ['$(shield) Verified', 'a \\$(check) b', '$($(github))', '$(alert~spin)']) {
    const shown = displayText(title);
    assert.doesNotMatch(shown, ICON, title);
    assert.equal(visible(shown), title);
  }
});

test('brackets, parentheses, backslashes, backticks, < and & stay as typed', () => {
  const text = 'a [b] (c) \\d `e` <f> &amp; g';
  assert.equal(displayText(text), text);
});

test('NUL, control and bidi-override characters are shown escaped', () => {
  assert.equal(displayText('a\u0000b'), 'a\\u0000b');
  assert.equal(displayText('evil\u202Etxt.exe'), 'evil\\u202Etxt.exe');
  assert.equal(displayText('\u2066x\u2069\u200Fy\u001B[31m'), '\\u2066x\\u2069\\u200Fy\\u001B[31m');
  assert.doesNotMatch(displayText('x\u202Ay\u202Bz\u202Cw\u202Dv\u061Cu'), /[\u202A-\u202E\u061C]/);
});

test('line breaks and runs of white space become one space', () => {
  assert.equal(displayText('  a\n\n b\r\n\tc\u2028d  '), 'a b c d');
});

test('a 5,000-character string is cut to the limit with an ellipsis, never inside a surrogate pair', () => {
  const long = 'x'.repeat(5000);
  const shown = displayText(long, 100);
  assert.ok(shown.length <= 100, `${shown.length}`);
  assert.ok(shown.endsWith('…'));
  const emoji = '😀'.repeat(3000);
  const cut = displayText(emoji, 51);
  assert.ok(cut.length <= 51);
  assert.doesNotMatch(cut.slice(0, -1), /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  assert.equal(displayText('short', 100), 'short');
});

test('a 70,000-character title is named in a message in quotes and in a few dozen characters', () => {
  const named = quotedText('[a](command:x) '.repeat(5000));
  assert.ok(named.length <= 64, `${named.length}`);
  assert.ok(named.startsWith('“') && named.endsWith('”'));
  assert.doesNotMatch(named, LINK);
});

test('lone surrogates become the replacement character', () => {
  assert.equal(displayText('a\uD800b\uDC00'), 'a\uFFFDb\uFFFD');
});

test('match ranges computed on the original text map onto the shown text', () => {
  const original = 'Speculative  decoding\n[x](command:y) decoding';
  const mapped = displayTextMapped(original);
  for (const word of ['decoding', 'command']) {
    let from = original.indexOf(word);
    while (from >= 0) {
      const start = mapped.at(from);
      const end = mapped.at(from + word.length - 1) + 1;
      assert.equal(mapped.text.slice(start, end), word);
      from = original.indexOf(word, from + 1);
    }
  }
  assert.equal(mapped.at(original.length + 5), mapped.text.length);
});
