import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleText } from '../../../src/webview/visibleText';

test('bidi embeddings, overrides and isolates are shown as escapes, not applied', () => {
  assert.equal(visibleText('photo\u202Egnp.exe'), 'photo\\u202Egnp.exe');
  assert.equal(
    visibleText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069'),
    'a\\u202Ab\\u202Bc\\u202Cd\\u202De\\u2066f\\u2067g\\u2068h\\u2069',
  );
});

test('invisible control characters are shown, line breaks and tabs are kept', () => {
  assert.equal(visibleText('a\u0000b\u001b[2Jc\u007fd\u0085e'), 'a\\u0000b\\u001B[2Jc\\u007Fd\\u0085e');
  assert.equal(visibleText('line one\nline two\tcolumn\r\n'), 'line one\nline two\tcolumn\r\n');
});

test('right-to-left text and the marks it uses are kept as they are', () => {
  const hebrew = 'מחקר\u200F (2024) \u200Eעל למידה';
  const arabic = 'تعلم\u061C الآلة';
  assert.equal(visibleText(hebrew), hebrew);
  assert.equal(visibleText(arabic), arabic);
  assert.equal(visibleText('emoji 👩‍🔬 and soft\u00ADhyphen'), 'emoji 👩‍🔬 and soft\u00ADhyphen');
});
