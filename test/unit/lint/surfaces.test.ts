import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The lint rule that keeps untrusted text off the editor's surfaces (eslint.config.mjs): every way of reaching a
// surface is refused in a feature folder and allowed in src/extension/shared, where the UiText wrappers live.
const root = new URL('../../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function surfaceErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const HEADER =
  "import * as vscode from 'vscode';\nimport { window, TreeItem } from 'vscode';\ndeclare const title: string;\n";
const VIOLATIONS: Record<string, string> = {
  notification: 'void vscode.window.showInformationMessage(title);',
  'error notification': 'void vscode.window.showErrorMessage(title, "Open");',
  'imported window': 'void window.showWarningMessage(title);',
  'quick pick': 'void vscode.window.showQuickPick([{ label: title }]);',
  'created quick pick': 'vscode.window.createQuickPick().title = title;',
  'input box': 'void vscode.window.showInputBox({ prompt: title });',
  progress: 'void vscode.window.withProgress({ location: 15, title }, async () => undefined);',
  'status bar message': 'vscode.window.setStatusBarMessage(title);',
  'status bar item': 'vscode.window.createStatusBarItem().text = title;',
  'output channel': 'vscode.window.createOutputChannel("x").appendLine(title);',
  'tree view': 'vscode.window.createTreeView("v", { treeDataProvider: {} as never }).message = title;',
  'webview panel': 'vscode.window.createWebviewPanel("v", title, 1);',
  'tree item': 'new vscode.TreeItem(title);',
  'imported tree item': 'new TreeItem(title);',
  markdown: 'new vscode.MarkdownString(title, true);',
  diagnostic: 'new vscode.Diagnostic({} as never, title);',
  completion: 'new vscode.CompletionItem(title);',
  hover: 'new vscode.Hover(title);',
  'forged UiText': 'type UiText = string & { b: 1 };\nexport const forged = title as UiText;',
  'forged UiText (angle brackets)': 'type UiText = string & { b: 1 };\nexport const forged = <UiText>title;',
  'forged Shown': "import { Shown } from '../shared/uiText';\nexport const forged = new Shown(title);",
};

for (const [name, code] of Object.entries(VIOLATIONS)) {
  test(`a feature folder cannot reach a surface directly: ${name}`, async () => {
    const errors = await surfaceErrors(HEADER + code, 'src/extension/triage/hostile.ts');
    assert.ok(errors.length > 0, `no lint error for: ${code}`);
  });
}

test('the wrappers in src/extension/shared may reach the surfaces', async () => {
  const code = HEADER + Object.values(VIOLATIONS).slice(0, 18).join('\n');
  assert.deepEqual(await surfaceErrors(code, 'src/extension/shared/wrapper.ts'), []);
});

test('code that only uses the wrappers is accepted', async () => {
  const code = [
    "import { showInfo } from '../shared/notifications';",
    "import { quoted, ui } from '../shared/uiText';",
    'declare const title: string;',
    'void showInfo(ui`${quoted(title)} has no tags.`);',
  ].join('\n');
  assert.deepEqual(await surfaceErrors(code, 'src/extension/triage/clean.ts'), []);
});
