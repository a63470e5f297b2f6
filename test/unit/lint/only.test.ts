import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The lint rule that keeps focused tests out of test/ (eslint.config.mjs): a `.only` left in a file would run
// that test alone and report success. Run with the project's own configuration on in-memory samples.
const root = new URL('../../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function onlyErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const HEADER = 'declare const describe: any, it: any, test: any, suite: any;\n';
const FOCUSED: Record<string, string> = {
  'describe.only': "describe.only('a', () => {});",
  'it.only': "it.only('a', () => {});",
  'test.only': "test.only('a', () => {});",
  'suite.only': "suite.only('a', () => {});",
  "node:test's only option": "test('a', { only: true }, () => {});",
};

for (const [name, code] of Object.entries(FOCUSED)) {
  for (const file of ['test/unit/sample.test.ts', 'test/host/sample.test.ts']) {
    test(`${name} is refused in ${file}`, async () => {
      const errors = await onlyErrors(HEADER + code, file);
      assert.equal(errors.length, 1, `no lint error for: ${code}`);
      assert.match(errors[0]!, /remove `\.only`/);
    });
  }
}

test('plain and skipped tests are accepted', async () => {
  const code =
    HEADER + "describe('a', () => { it('b', () => {}); });\ntest.skip('c', () => {});\nconst only = 1;";
  assert.deepEqual(await onlyErrors(code, 'test/unit/sample.test.ts'), []);
});
