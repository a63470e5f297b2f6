// Keeps the feature folders of src/extension apart (see eslint.config.mjs for where it applies):
// - a file uses another feature folder only through that folder's index.ts (`../tree`, never
//   `../tree/papersTreeProvider`), so each folder's index.ts is all the others may rely on;
// - the top-level files (extension.ts, featureContext.ts, commands.ts, settings.ts) may be imported by anyone;
// - shared/ (helpers every feature may use) depends on no feature folder.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const SHARED = 'shared';

/** @type {import('eslint').Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Feature folders use each other only through their index.ts; shared/ uses none.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      internals:
        "'{{source}}' is inside {{folder}}/: other folders use only its index.ts (import '{{index}}'); export there what is needed.",
      sharedUsesFeature:
        "'{{source}}': shared/ must not depend on a feature folder ({{folder}}/); move what both need into shared/.",
    },
  },
  create(context) {
    const { root, allow = [] } = context.options[0];
    const base = isAbsolute(root) ? root : join(context.cwd, root);
    const from = relative(base, context.filename).split(sep);
    if (from[0] === '..' || from.length === 0) return {};
    const fromFolder = from.length > 1 ? from[0] : undefined;

    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = relative(base, resolve(dirname(context.filename), source)).split(sep);
      if (to[0] === '..' || to[0] === '') return; // outside src/extension
      if (to.length === 1 && !isFolder(join(base, to[0]))) return; // a top-level file
      const folder = to[0];
      if (folder === fromFolder) return;
      if (fromFolder === SHARED && folder !== SHARED) {
        context.report({ node, messageId: 'sharedUsesFeature', data: { source, folder } });
        return;
      }
      if (folder === SHARED) return;
      const inside = to
        .slice(1)
        .join('/')
        .replace(/\.[cm]?[jt]s$/, '');
      if (inside === '' || inside === 'index') return;
      if (allow.some((pattern) => matches(pattern, `${folder}/${inside}`))) return;
      const index = relative(dirname(context.filename), join(base, folder)).split(sep).join('/');
      context.report({
        node,
        messageId: 'internals',
        data: { source, folder, index: index.startsWith('.') ? index : `./${index}` },
      });
    };

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

function isFolder(path) {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** `folder/file` against `folder/file` or `folder/*`. */
function matches(pattern, path) {
  return pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

export default { rules: { 'feature-boundaries': featureBoundaries } };
