import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latexToText } from '../../../src/core/bibtex/latexText';
import { bibNames } from '../../../src/core/bibtex/names';

function check(cases: [string, string][]): void {
  for (const [input, expected] of cases) assert.equal(latexToText(input), expected, input);
}

test('accents in every spelling BibTeX files use', () => {
  check([
    ['M\\aa nsson', 'Månsson'], // a control word swallows the space after it
    ['{\\"u}ber {\\"U}ber \\"{u}', 'über Über ü'],
    ['{\\c{C}}a{\\~n}on', 'Çañon'],
    ["\\v c {\\v c} \\v{c} Ga{\\v c}evi{\\'c}", 'č č č Gačević'],
    ["D\\'{e}mosth\\`{e}ne Fran\\c{c}ois", 'Démosthène François'],
    ['Aks{\\i}n, \\\'{\\i}, \\"{\\i}, K\\i{}l\\i{\\c c}', 'Aksın, í, ï, Kılıç'],
    [
      "\\L{}\\'od\\'z, \\k{e}, \\H{o}, \\r{u}, \\u{g}, \\.{z}, \\={a}, \\d{s}, \\t{oo}",
      'Łódź, ę, ő, ů, ğ, ż, ā, ṣ, o͡o',
    ],
    ['{\\ss} \\ae{} \\AE{} {\\oe} \\o ther {\\o}ther {\\l} \\L{} \\AA', 'ß æ Æ œ øther øther ł Ł Å'],
    ['\\AE sop', 'Æsop'],
    ['\\cyrchar\\CYRA.V.', 'А.V.'],
  ]);
  assert.ok(latexToText("Cafe\\'e").normalize('NFC') === latexToText("Cafe\\'e"), 'NFC');
});

test('`<` and `>` are themselves, not the ¡ ¿ of TeX’s OT1 fonts', () => {
  check([
    ['a < b > c', 'a < b > c'],
    ['{$<$}001{$>$}', '<001>'],
    ['<p><br/>text', '<p><br/>text'],
    ['\\textless{}x\\textgreater{}', '<x>'],
  ]);
});

test('plain text, never markup: formatting keeps its text, links their label', () => {
  check([
    ['$\\href{javascript:alert(1)}{click}$', 'click'],
    ['see \\href{https://example.org}{the site}', 'see the site'],
    ['\\url{https://a.org/x\\_y}', 'https://a.org/x_y'],
    [
      '\\emph{in vivo}, \\textit{a} \\textbf{b} \\textsc{Abc} \\texttt{c} {\\em d} {\\bf e}',
      'in vivo, a b Abc c d e',
    ],
    ['x\\textsuperscript{2}, 1\\textsuperscript{st}, H\\textsubscript{2}O', 'x², 1st, H₂O'],
    ['\\enquote{q} \\mkbibquote{Intention} \\enquote*{s}', '“q” “Intention” “s”'],
    ['\\MakeUppercase{abc}', 'ABC'],
    ['\\cite[p.~3]{key} text', ' text'],
  ]);
  for (const input of [
    '\\emph{x}',
    '\\textsuperscript{th}',
    '\\textsc{x}',
    '\\href{u}{t}',
    '\\textbf{\\textit{x}}',
  ]) {
    assert.doesNotMatch(latexToText(input), /[<>]/, input);
  }
});

test('math: Greek and symbols, scripts where Unicode has them, plain text elsewhere', () => {
  check([
    ['$\\alpha$-Tests', 'α-Tests'],
    ['1--100 $\\mu$m, \\textmu m', '1–100 μm, µm'],
    ['$10^{-3}$, $x^2$, $\\mathrm{Ti}{\\mathrm{O}}_{2}$', '10⁻³, x², TiO₂'],
    ['$x_{max}$', 'x_max'],
    ['$\\mathbb{R}^n$, $\\frac{1}{2}$, $\\sqrt{2}$, $0\\leq x \\pm 1$', 'ℝⁿ, ½, √2, 0≤ x ± 1'],
    ['\\(x^2\\)', 'x²'],
    ['$\\overline{x}$, (0001{$\\overline$})', 'x̅, (0001̅)'],
  ]);
});

test('dashes, quotes, spaces and escaped specials', () => {
  check([
    ["1990--2000 --- ``q'' `K' O'Brien", "1990–2000 — “q” `K' O'Brien"],
    ['50\\% \\& \\$ \\# \\_ \\{x\\}', '50% & $ # _ {x}'],
    ['a~b, c\\,d, e\\\\f', 'a b, c d, e f'],
    ['x\\^{}2 a\\~{}b', 'x^2 a~b'],
    ['{{The G{\\"o}del Machine}}', 'The Gödel Machine'],
  ]);
});

test('TeX logos and helpers; unknown commands keep their text', () => {
  check([
    ['{\\TeX book}, \\LaTeX{}', 'TeXbook, LaTeX'],
    ['methodology\\hyphen independent', 'methodology-independent'],
    ['Type-\\{\\vphantom\\}{{II}}\\vphantom\\{\\}', 'Type-II'],
    ['\\noopsort{a}Zeta', 'Zeta'],
    ['\\foo{bar}', 'bar'],
    ['\\foo bar', '\\foo bar'],
  ]);
});

test('plain text is returned as it is', () => {
  const s = 'Attention Is All You Need: a 3-part study';
  assert.equal(latexToText(s), s);
});

test('names: "First von Last Jr", braced names whole, `and others` dropped', () => {
  assert.deepEqual(bibNames('M{\\"u}ller, J{\\"u}rgen and de la Cruz, Ana and {World Health Organization}'), [
    'Jürgen Müller',
    'Ana de la Cruz',
    'World Health Organization',
  ]);
  assert.deepEqual(bibNames('Donald E. Knuth and others'), ['Donald E. Knuth']);
  assert.deepEqual(bibNames('Doe, Jr, John and {Barnes and Noble}'), ['John Doe Jr', 'Barnes and Noble']);
  assert.deepEqual(bibNames('family=Cruz, given=Ana, prefix=de la'), ['Ana de la Cruz']);
  assert.deepEqual(bibNames('M\\aa nsson, Alf\nAND Umaña-Diaz, Claudia'), [
    'Alf Månsson',
    'Claudia Umaña-Diaz',
  ]);
});
