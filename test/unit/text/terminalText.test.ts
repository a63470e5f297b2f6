import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalField, terminalJson, terminalText } from '../../../src/core/text/terminalText';

// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const ACTED_ON = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

test('terminalText escapes escape sequences, carriage returns, C1 controls and bidi overrides', () => {
  const hostile = 'a\u001b]0;title\u0007b\u001b[2Jc\rd\u009be\u202Ef\u2066g\u007f';
  const shown = terminalText(hostile);
  assert.doesNotMatch(shown, ACTED_ON);
  assert.equal(shown, 'a\\u001B]0;title\\u0007b\\u001B[2Jc\\u000Dd\\u009Be\\u202Ef\\u2066g\\u007F');
});

test('terminalText keeps line breaks, tabs and every printable character, emoji and RTL letters included', () => {
  const text = 'Übersicht\tñ 😀 עברית العربية\nzweite Zeile';
  assert.equal(terminalText(text), text);
});

test('terminalText writes a lone surrogate as its escape and keeps a pair', () => {
  assert.equal(terminalText('x\uD800y😀\uDC00'), 'x\\uD800y😀\\uDC00');
});

test('terminalField also escapes line breaks and tabs, so a value cannot start a line of its own', () => {
  assert.equal(terminalField('title\nwarning: fake\tx'), 'title\\u000Awarning: fake\\u0009x');
});

test('terminalJson is the same JSON value, with nothing a terminal acts on', () => {
  const value = { title: 'x\u001b[31m\u202E\u0085\u007f\u2028\uD800 😀', n: [1, 'a\r\n'] };
  const text = terminalJson(value);
  assert.doesNotMatch(text.replace(/\n/g, ''), ACTED_ON);
  assert.deepEqual(JSON.parse(text), value);
});
