import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeLatex, plainText, toFieldText, toTitleText, toVerbatimText } from '../../../src/core/bibtex';

test('LaTeX character commands become Unicode', () => {
  const cases: [string, string][] = [
    ["Fr\\'echet", 'Fréchet'],
    ['na\\"ive', 'naïve'],
    ["{\\'e}t{\\'{e}}", 'été'],
    ['Fran\\c{c}ois, \\c c', 'François, ç'],
    ["\\'{\\i}", 'í'],
    ['\\`a \\^o \\~n \\=a \\.z \\v{s} \\H{o} \\k{a} \\r{a} \\u{g}', 'à ô ñ ā ż š ő ą å ğ'],
    ['{\\ss} \\ae{} \\o ther', 'ß æ øther'],
    ['\\& \\% \\_ \\# \\$ \\{ \\}', '& % _ # $ { }'],
    ['x\\^{}2 a\\~{}b', 'x^2 a~b'],
  ];
  for (const [input, expected] of cases) assert.equal(decodeLatex(input), expected, input);
});

test('other backslash sequences are left for literal printing', () => {
  assert.equal(decodeLatex('\\eg, \\alpha, \\lambda, \\\\'), '\\eg, \\alpha, \\lambda, \\\\');
});

test('plain text: NFC, invisible and control characters dropped, whitespace collapsed', () => {
  assert.equal(plainText(' a\u200Bb\u0007c \n\n\t d\u00ADe Cafe\u0301 \uD800x '), 'abc de Café x');
});

test('every LaTeX special is escaped; braces always balance', () => {
  assert.equal(
    toFieldText('25.5% & #1 x_{t+1} chi^2 $x$ ~ \\eg }{'),
    '25.5\\% \\& \\#1 x\\_\\textbraceleft{}t+1\\textbraceright{} chi\\textasciicircum{}2 \\$x\\$ ' +
      '\\textasciitilde{} \\textbackslash{}eg \\textbraceright{}\\textbraceleft{}',
  );
  assert.equal(
    toFieldText("D_{KL}(True||Model), Fr\\'echet"),
    'D\\_\\textbraceleft{}KL\\textbraceright{}(True||Model), Fréchet',
  );
  assert.equal(toFieldText('\\'), '\\textbackslash{}');
  assert.equal(toFieldText('already \\% escaped'), 'already \\% escaped');
});

test('titles protect words with inner capitals from BibTeX lowercasing', () => {
  assert.equal(
    toTitleText('LANTERN: Accelerating Visual Models with DINOv2 and SequenceMatch'),
    '{LANTERN:} Accelerating Visual Models with {DINOv2} and {SequenceMatch}',
  );
  assert.equal(toTitleText('A 100% _odd_ Title'), 'A 100\\% \\_odd\\_ Title');
});

test('verbatim fields keep URL characters, percent-encode the unsafe ones, escape % and #', () => {
  assert.equal(
    toVerbatimText('https://x.org/a_b?c=1&d=~e#frag %20 {x}\\ é'),
    'https://x.org/a_b?c=1&d=~e\\#frag\\%20\\%7Bx\\%7D\\%5C\\%C3\\%A9',
  );
  assert.equal(toVerbatimText('10.1000/ab_c(1)'), '10.1000/ab_c(1)');
});
