import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../harness/eventually';
import { activeApi } from './support';

const seedText = readFileSync(join(__dirname, '../../../seeds/hf-daily-papers-seed.txt'), 'utf8');

suite('walking skeleton', () => {
  test('runs in a real extension host', () => {
    assert.equal(typeof vscode.version, 'string');
    assert.ok(vscode.version.startsWith('1.100'), `VS Code ${vscode.version}`);
  });

  test('the Papers tree lists the 52 seed papers by title', async () => {
    const api = await activeApi();
    // Papers are grouped (by topic by default): collect the rows of every group.
    const groups = api.view.provider.getChildren();
    const rows = groups.flatMap((group) => api.view.provider.getChildren(group));
    assert.equal(rows.length, 52);
    const labels = rows.map((row) => {
      const label = api.view.provider.getTreeItem(row).label;
      return typeof label === 'string' ? label : String(label?.label);
    });
    assert.ok(
      labels.includes(
        'A likelihood approach to nonparametric estimation of a singular distribution using deep generative models',
      ),
    );
    assert.ok(labels.includes('Continuous Speculative Decoding for Autoregressive Image Generation'));
    for (const header of ['new', 'Subscribe', 'Jun 6', 'Get trending papers in your email inbox!']) {
      assert.ok(!labels.includes(header), `header line "${header}" listed as a paper`);
    }
    for (const label of labels) assert.ok(seedText.includes(label), `"${label}" is not a seed title`);
  });

  test('Open Paper shows the paper in the reader webview', async () => {
    const api = await activeApi();
    const paper = api.context.library.papers[2]!;
    await vscode.commands.executeCommand('literatureTriage.openPaper', paper.id);
    await eventually(() => api.reader.isReady, 'the reader to say ready');
    assert.equal(api.reader.currentPaper?.id, paper.id);
    assert.ok(
      (await api.context.library.fullPaper(paper.id))!.abstract.length > 200,
      'the paper has its abstract',
    );
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputWebview, 'the active tab is a webview');
    assert.equal(tab?.label, paper.title);
  });
});
