/** The test helper that judges exported files must itself catch what it is meant to catch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseBlg,
  runBibtex,
  runBiber,
  staticCheck,
  validateBib,
  validationFailures,
} from '../../support/bibtexValidators';

test('static check: bare specials, except URL characters in verbatim fields', () => {
  const text = [
    '@misc{a, title = {50% off & more # here _x_ ^y}, key = {a}}',
    '@misc{b, title = {ok \\% \\& \\# \\_ \\^{} but \\\\% is bare}, key = {b},',
    '  url = {https://x.org/a_b?c&d=^e}, doi = {10.1/x%y#z}}',
  ].join('\n');
  const { problems } = staticCheck(text);
  const bare = (entry: string, field: string) =>
    problems
      .filter((p) => p.includes(`(${entry})`) && p.endsWith(`"${field}"`))
      .map((p) => p.match(/bare '(.)'/)![1]);
  assert.deepEqual(bare('a', 'title'), ['%', '&', '#', '_', '_', '^']);
  assert.deepEqual(bare('b', 'title'), ['%']);
  assert.deepEqual(bare('b', 'url'), []);
  assert.deepEqual(bare('b', 'doi'), ['%', '#']);
});

test('static check: unbalanced braces, duplicate keys (any case), malformed entries', () => {
  assert.match(staticCheck('@misc{a, title = {x}\n').problems.join(), /never closes/);
  assert.match(staticCheck('@misc{a, title={x}}\n@misc{A, title={y}}').problems.join(), /duplicate key/);
  assert.match(staticCheck('@misc{a, title={x} y}').problems.join(), /expected ","/);
  assert.deepEqual(staticCheck('@misc{a, title={x {nested}} # "q" # jan, year = 2020,}').problems, []);
});

test('bibtex: warnings and errors come out as separate messages with their lines', () => {
  const report = runBibtex(
    '@misc{a,\n  title = {T},\n  title = {U},\n}\n@article{b, title={x} y}\n@misc{A, title={z}, key={z}}\n',
  );
  assert.equal(report.exitCode, 2);
  assert.deepEqual(report.warnings, [
    'Warning--I\'m ignoring a\'s extra "title" field\n--line 3 of file refs.bib',
    'Warning--to sort, need author or key in a',
    'Warning--to sort, need author or key in b',
    'Warning--empty author in b',
    'Warning--empty journal in b',
    'Warning--empty year in b',
  ]);
  assert.equal(report.errors.length, 2);
  assert.match(report.errors[0]!, /^I was expecting a `,' or a `}'---line 5 of file refs.bib/);
  assert.match(report.errors[1]!, /^Repeated entry---line 6 of file refs.bib/);
  assert.equal(report.reportedErrorCount, 2);
});

test('blg parsing ignores TeX Live buffer reallocation notices', () => {
  const log =
    "Database file #1: x.bib\nReallocated buffer (elt_size=1) to 40000 items from 20000.\nWarning--empty journal in k\nYou've used 1 entry,\n";
  assert.deepEqual(parseBlg(log), {
    errors: [],
    warnings: ['Warning--empty journal in k'],
    reportedErrorCount: 0,
  });
});

test('biber: syntax errors and duplicate keys are failures; datamodel warnings are apart', () => {
  const dup = runBiber(
    '@misc{a, title={x}, year={2020}}\n@misc{a, title={y}, year={2021}}\n@misc{n, title={no year}}\n',
  );
  assert.match(dup.errors.join('\n'), /Duplicate entry key: 'a'/);
  assert.deepEqual(dup.datamodel, [
    "WARN - Datamodel: Entry 'n' (refs.bib): Missing mandatory field - one of 'date, year' must be defined",
  ]);
  const broken = runBiber('@misc{a, title={x} y}\n');
  assert.match(broken.errors.join('\n'), /BibTeX subsystem/);
});

test('validationFailures accepts a missing date only for the entries named as undated', () => {
  const result = validateBib('@misc{n, title={No year}, key={n}, note={x}}\n');
  assert.deepEqual(validationFailures(result, ['n']), []);
  assert.equal(validationFailures(result).length, 1);
});
