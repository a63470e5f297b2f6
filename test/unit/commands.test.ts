import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  COMMANDS,
  CONTEXT_KEYS,
  INTERNAL_COMMANDS,
  VIEWS,
  WEBVIEW_PANELS,
} from '../../src/extension/commands';

// The table of ids in src/extension/commands.ts against package.json `contributes` (both ways) and against the
// sources: every constant is used, and no id of ours is spelled out anywhere else in src.

const repo = join(__dirname, '..', '..');
const PREFIX = 'literatureTriage.';
const TABLE_FILE = 'src/extension/commands.ts';
const TABLES = { COMMANDS, CONTEXT_KEYS, VIEWS, WEBVIEW_PANELS } as const;

/**
 * `literatureTriage.` strings in src that are neither an id of the table nor a setting, by file. Only a key of
 * another namespace belongs here (the groupBy state key happens to equal a command id, so it is allowed only
 * where it is that key).
 */
const NOT_IDS: Record<string, readonly string[]> = {
  // workspaceState key that remembers the grouping
  'src/extension/tree/index.ts': ['literatureTriage.groupBy'],
  // globalState key of the .bib file chosen last
  'src/extension/export/bibLocation.ts': ['literatureTriage.lastBibFile'],
  // globalState key of the citation style chosen last
  'src/extension/export/copyCitation.ts': ['literatureTriage.lastCitationStyle'],
  // workspaceState keys (prefix) of the file each export format went to last
  'src/extension/export/fileExport.ts': ['literatureTriage.lastExport'],
  // status bar item id
  'src/extension/tree/progressStatusItem.ts': ['literatureTriage.progress', 'literatureTriage.reviewStage'],
  'src/extension/tree/conflictsStatusItem.ts': ['literatureTriage.conflicts'],
};

interface MenuItem {
  command?: string;
  when?: string;
}
interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string; enablement?: string }>;
    menus?: Record<string, MenuItem[]>;
    keybindings?: Array<{ command: string; when?: string }>;
    views?: Record<string, Array<{ id: string; when?: string }>>;
    viewsWelcome?: Array<{ view: string; contents: string; when?: string }>;
    configuration?:
      { properties?: Record<string, unknown> } | Array<{ properties?: Record<string, unknown> }>;
  };
}

const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const contributed = new Set(contributes.commands.map((c) => c.command));
const menuItems = Object.values(contributes.menus ?? {}).flat();
const viewEntries = Object.values(contributes.views ?? {}).flat();
const settingNames = new Set(
  [contributes.configuration ?? []].flat().flatMap((section) => Object.keys(section.properties ?? {})),
);

/** Every when-expression of the manifest, with where it is (for messages). */
const whenClauses: Array<{ where: string; when: string }> = [
  ...contributes.commands.flatMap((c) => (c.enablement ? [{ where: c.command, when: c.enablement }] : [])),
  ...Object.entries(contributes.menus ?? {}).flatMap(([menu, items]) =>
    items.flatMap((item) => (item.when ? [{ where: `${menu} ${item.command}`, when: item.when }] : [])),
  ),
  ...(contributes.keybindings ?? []).flatMap((k) => (k.when ? [{ where: k.command, when: k.when }] : [])),
  ...viewEntries.flatMap((v) => (v.when ? [{ where: v.id, when: v.when }] : [])),
  ...(contributes.viewsWelcome ?? []).flatMap((w) => (w.when ? [{ where: w.view, when: w.when }] : [])),
];

/**
 * The context keys a when-expression tests, and its comparisons `key op value`. The value after `==`, `!=`,
 * `=~`, `<`… is a literal, not a key; after `in` / `not in` it is a key.
 */
function parseWhen(when: string): { keys: string[]; comparisons: Array<[string, string]> } {
  const tokens: string[] = [];
  const token =
    /\s*(&&|\|\||===?|!==?|=~|<=|>=|<|>|!|\(|\)|'(?:[^'\\]|\\.)*'|\/(?:[^/\\]|\\.)+\/[a-z]*|[^\s!&|=<>()']+)/y;
  let end = 0;
  for (let m = token.exec(when); m; m = token.exec(when)) {
    tokens.push(m[1]!);
    end = token.lastIndex;
  }
  assert.equal(when.slice(end).trim(), '', `cannot read the when clause ${JSON.stringify(when)}`);
  const keys: string[] = [];
  const comparisons: Array<[string, string]> = [];
  const operators = new Set(['==', '===', '!=', '!==', '=~', '<', '<=', '>', '>=']);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^(&&|\|\||!|\(|\)|true|false|not|in)$/.test(t) || operators.has(t)) continue;
    const before = tokens[i - 1];
    if (before !== undefined && operators.has(before)) {
      comparisons.push([tokens[i - 2]!, t.replace(/^'(.*)'$/, '$1')]);
      continue;
    }
    keys.push(t);
  }
  return { keys, comparisons };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [relative(repo, full)] : [];
  });
}
const sources = sourceFiles(join(repo, 'src'))
  .filter((file) => file !== TABLE_FILE)
  .map((file) => {
    const text = readFileSync(join(repo, file), 'utf8');
    return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
  });

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function commandName(id: string): string {
  return id.slice(PREFIX.length).replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}

test('the when-clause reader finds the keys, not the values compared with them', () => {
  assert.deepEqual(
    parseWhen("view == a.b && !x.y || (z =~ /^p(aper)?\\/x/i) && w != 'q r' && v in u.list && s not in t"),
    {
      keys: ['view', 'x.y', 'z', 'w', 'v', 'u.list', 's', 't'],
      comparisons: [
        ['view', 'a.b'],
        ['z', '/^p(aper)?\\/x/i'],
        ['w', 'q r'],
      ],
    },
  );
  assert.deepEqual(parseWhen('config.literatureTriage.x && literatureTriage.y').keys, [
    'config.literatureTriage.x',
    'literatureTriage.y',
  ]);
});

test('each id of the table is ours, once, and each command is named after its id', () => {
  const ids = Object.values(TABLES).flatMap((table) => Object.values(table));
  for (const id of ids) assert.ok(id.startsWith(PREFIX), `${id} does not start with ${PREFIX}`);
  assert.equal(new Set(ids).size, ids.length, 'an id is in the table twice');
  for (const [name, id] of Object.entries(COMMANDS)) assert.equal(name, commandName(id), `the name of ${id}`);
});

test('every command of the table is contributed, unless it is internal for a reason', () => {
  for (const [name, id] of Object.entries(COMMANDS)) {
    const reason = INTERNAL_COMMANDS[name as keyof typeof COMMANDS];
    if (reason === undefined) {
      assert.ok(contributed.has(id), `${id} is not in contributes.commands (nor in INTERNAL_COMMANDS)`);
    } else {
      assert.ok(reason.trim() !== '', `INTERNAL_COMMANDS.${name} gives no reason`);
      assert.ok(!contributed.has(id), `${id} is in INTERNAL_COMMANDS but also in contributes.commands`);
    }
  }
});

test('every contributed command, and every one a menu, keybinding or welcome link runs, is in the table', () => {
  const table = new Set<string>(Object.values(COMMANDS));
  for (const id of contributed) assert.ok(table.has(id), `contributes.commands ${id} is not in COMMANDS`);
  const links = (contributes.viewsWelcome ?? []).flatMap((w) =>
    [...w.contents.matchAll(/\(command:([^)?\s]+)/g)].map((m) => m[1]!),
  );
  const run = [
    ...menuItems.flatMap((item) => (item.command ? [item.command] : [])),
    ...(contributes.keybindings ?? []).map((k) => k.command.replace(/^-/, '')),
    ...links,
  ].filter((id) => id.startsWith(PREFIX));
  assert.ok(run.length > 0, 'found no command in the menus, keybindings and welcome content');
  for (const id of run) {
    assert.ok(table.has(id), `${id} (menu, keybinding or welcome link) is not in COMMANDS`);
    assert.ok(contributed.has(id), `${id} (menu, keybinding or welcome link) is not in contributes.commands`);
  }
});

test('every context key of ours a when clause tests is in CONTEXT_KEYS, and each of those is tested', () => {
  const ours = whenClauses
    .flatMap(({ where, when }) => parseWhen(when).keys.map((key) => ({ where, key })))
    .filter(({ key }) => key.startsWith(PREFIX));
  const table = new Set<string>(Object.values(CONTEXT_KEYS));
  for (const { where, key } of ours)
    assert.ok(table.has(key), `${key} (in the when clause of ${where}) is not in CONTEXT_KEYS`);
  const tested = new Set(ours.map(({ key }) => key));
  for (const key of table)
    assert.ok(tested.has(key), `CONTEXT_KEYS ${key} is in no when clause of package.json`);
});

test('the views and webview panel types are those of package.json', () => {
  assert.deepEqual(
    new Set(Object.values(VIEWS)),
    new Set(viewEntries.map((v) => v.id)),
    'VIEWS and contributes.views differ',
  );
  const panels = (manifest.activationEvents ?? [])
    .filter((event) => event.startsWith('onWebviewPanel:'))
    .map((event) => event.slice('onWebviewPanel:'.length));
  assert.deepEqual(
    new Set(Object.values(WEBVIEW_PANELS)),
    new Set(panels),
    'WEBVIEW_PANELS and the onWebviewPanel activation events differ',
  );
  const comparisons = whenClauses.flatMap(({ when }) => parseWhen(when).comparisons);
  const compared = (key: string) => comparisons.filter(([k]) => k === key).map(([, value]) => value);
  const views = new Set<string>(Object.values(VIEWS));
  for (const view of compared('view'))
    assert.ok(views.has(view), `when clause: view == ${view} is not in VIEWS`);
  for (const panel of compared('activeWebviewPanelId'))
    assert.ok(
      panels.includes(panel),
      `when clause: activeWebviewPanelId == ${panel} is not in WEBVIEW_PANELS`,
    );
});

test('the sources use every constant of the table', () => {
  const used = new Set<string>();
  for (const { source } of sources) {
    walk(source, (node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression))
        used.add(`${node.expression.text}.${node.name.text}`);
      if (
        ts.isElementAccessExpression(node) &&
        ts.isIdentifier(node.expression) &&
        ts.isStringLiteralLike(node.argumentExpression)
      )
        used.add(`${node.expression.text}.${node.argumentExpression.text}`);
    });
  }
  for (const [tableName, table] of Object.entries(TABLES)) {
    for (const name of Object.keys(table))
      assert.ok(used.has(`${tableName}.${name}`), `${tableName}.${name} is used nowhere in src`);
  }
});

test('no id of ours is spelled out in src outside the table', () => {
  const found: string[] = [];
  for (const { file, source } of sources) {
    walk(source, (node) => {
      if (!ts.isStringLiteralLike(node) && !ts.isTemplateLiteralToken(node)) return;
      for (const match of node.text.matchAll(/literatureTriage\.[A-Za-z][\w.]*/g)) {
        const value = match[0].replace(/\.+$/, '');
        if (settingNames.has(value) || NOT_IDS[file]?.includes(value)) continue;
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${file}:${line + 1}: ${value}`);
      }
    });
  }
  assert.deepEqual(found, [], `use the table in ${TABLE_FILE} (or, for a key of another kind, NOT_IDS here)`);
  for (const [file, values] of Object.entries(NOT_IDS)) {
    const text = readFileSync(join(repo, file), 'utf8');
    for (const value of values)
      assert.ok(text.includes(`'${value}'`), `NOT_IDS: ${file} no longer has ${value}`);
  }
});
