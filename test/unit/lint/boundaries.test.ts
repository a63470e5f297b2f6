import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The lint rule that keeps the feature folders of src/extension apart (eslint.config.mjs,
// eslint-rules/featureBoundaries.mjs), run with the project's own configuration on samples that never touch the
// disk: reaching into another folder's files is reported, its index.ts, shared/ and the top-level files are not,
// and shared/ may use no feature folder.
const root = new URL('../../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'local/feature-boundaries').map((m) => m.message);
}

const INTO_INTERNALS: Record<string, string> = {
  import: "import { PapersTreeProvider } from '../tree/papersTreeProvider';\nvoid PapersTreeProvider;",
  'type import': "import type { PaperNode } from '../tree/nodes';\nexport type N = PaperNode;",
  're-export': "export { isPaperNode } from '../tree/nodes';",
  'export all': "export * from '../tree/nodes';",
  'dynamic import': "export const load = () => import('../tree/nodes');",
  'import type expression': "export type N = import('../tree/nodes').PaperNode;",
  'with an extension': "import '../tree/nodes.ts';",
  'by a longer way': "import '../../extension/tree/nodes';",
};

for (const [name, code] of Object.entries(INTO_INTERNALS)) {
  test(`a feature cannot reach into another's files: ${name}`, async () => {
    const errors = await boundaryErrors(code, 'src/extension/search/sample.ts');
    assert.equal(errors.length, 1, `expected one error for: ${code}`);
  });
}

test('the message names the folder and the import to use instead', async () => {
  const [message] = await boundaryErrors(
    "import { triageChanges } from '../tree/papersTreeProvider';",
    'src/extension/triage/sample.ts',
  );
  assert.match(message ?? '', /'\.\.\/tree\/papersTreeProvider' is inside tree\//);
  assert.match(message ?? '', /import '\.\.\/tree'/);
});

test('a top-level file uses a feature folder through its index.ts too', async () => {
  const errors = await boundaryErrors(
    "import { TriageStore } from './storage/triageStore';\nvoid TriageStore;",
    'src/extension/extension.ts',
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /import '\.\/storage'/);
});

test("a folder's index.ts, its own files, shared/, the top-level files and src/core are open", async () => {
  const code = [
    "import { registerPapersView } from '../tree';",
    "import { isPaperNode } from '../tree/index';",
    "import { snippet } from './snippet';",
    "import { ui } from '../shared/uiText';",
    "import type { FeatureContext } from '../featureContext';",
    "import { settings } from '../settings';",
    "import type { Paper } from '../../core/model/paper';",
    "import * as vscode from 'vscode';",
    'void [registerPapersView, isPaperNode, snippet, ui, settings, vscode];',
    'export type T = [FeatureContext, Paper];',
  ].join('\n');
  assert.deepEqual(await boundaryErrors(code, 'src/extension/search/sample.ts'), []);
});

test('shared/ may not use a feature folder, not even its index.ts', async () => {
  const code =
    "import { registerPapersView } from '../tree';\nimport { ui } from './uiText';\nvoid [registerPapersView, ui];";
  const errors = await boundaryErrors(code, 'src/extension/shared/sample.ts');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /shared\/ must not depend on a feature folder \(tree\/\)/);
});
