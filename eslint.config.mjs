import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import local from './eslint-rules/featureBoundaries.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Every editor surface that shows text (see src/extension/shared/uiText.ts). Outside src/extension/shared they
// are reached only through the wrappers there, whose types take only UiText: text made safe by `ui`/`shownText`.
const SURFACE_CALLS = [
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showQuickPick',
  'createQuickPick',
  'showInputBox',
  'createInputBox',
  'withProgress',
  'setStatusBarMessage',
  'createStatusBarItem',
  'createOutputChannel',
  'createTreeView',
  'createWebviewPanel',
];
const SURFACE_CLASSES = [
  'TreeItem',
  'MarkdownString',
  'Diagnostic',
  'CompletionItem',
  'Hover',
  'SignatureInformation',
  'InlayHint',
  'CodeLens',
  'Shown',
];
const surfaceMessage =
  'Text shown in the editor goes through the wrappers in src/extension/shared (UiText only).';
const surfaceRules = [
  {
    selector: `MemberExpression[property.name=/^(${SURFACE_CALLS.join('|')})$/]`,
    message: surfaceMessage,
  },
  {
    selector: `NewExpression[callee.property.name=/^(${SURFACE_CLASSES.join('|')})$/]`,
    message: surfaceMessage,
  },
  { selector: `NewExpression[callee.name=/^(${SURFACE_CLASSES.join('|')})$/]`, message: surfaceMessage },
  {
    selector: ':matches(TSAsExpression, TSTypeAssertion) > TSTypeReference[typeName.name="UiText"]',
    message: 'Make UiText with ui`…` or shownText(…).',
  },
];

const TEST_FUNCTIONS = 'describe|it|test|suite|context|specify';
const onlyMessage = 'A test run must run every test: remove `.only` (use a name pattern to run a few).';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'media/dist/**',
      'out/**',
      'node_modules/**',
      'test/code-server/**',
      'test/fixtures/**',
      'test-results/**',
      'bench/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain must run in Node, a worker and a browser alike: no editor API, no Node built-ins.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on the editor API.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not use Node built-ins.' })),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'require', 'process', 'Buffer', '__dirname', '__filename'],
    },
  },
  {
    // The library worker runs on its own thread: Node, but never the editor API.
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'The library worker has no editor API; it talks through protocol.ts.',
            },
          ],
          patterns: [
            {
              regex: '(^|/)extension/(?!shared/atomicWrite$)',
              message:
                'The worker must not depend on the extension host code (durable writes excepted: no editor API there).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**'],
    ignores: ['src/extension/shared/**'],
    rules: { 'no-restricted-syntax': ['error', ...surfaceRules] },
  },
  {
    // Each folder of src/extension is one feature; another folder may use only what its index.ts exports.
    // The top-level files (extension.ts, featureContext.ts, commands.ts, settings.ts) are open to all, and
    // shared/ (helpers for every feature) depends on no feature folder. See eslint-rules/featureBoundaries.mjs.
    files: ['src/extension/**/*.ts'],
    plugins: { local },
    rules: {
      'local/feature-boundaries': ['error', { root: 'src/extension' }],
    },
  },
  {
    // A focused test (`.only`) left in would make every run skip all the others and still pass.
    files: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression > MemberExpression.callee[object.name=/^(${TEST_FUNCTIONS})$/][property.name="only"]`,
          message: onlyMessage,
        },
        {
          selector: `CallExpression[callee.name=/^(${TEST_FUNCTIONS})$/] > ObjectExpression > Property[key.name="only"]`,
          message: onlyMessage,
        },
      ],
    },
  },
  {
    files: ['src/webview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'The webview talks to the host only through src/webview/protocol.ts.',
            },
            ...nodeBuiltins.map((name) => ({ name, message: 'Webview code runs in a browser.' })),
          ],
        },
      ],
    },
  },
);
