import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { LiteratureTriageApi } from '../../src/extension/extension';
import type { GroupNode, PaperNode } from '../../src/extension/tree';
import { eventually } from '../harness/eventually';
import { activeApi, resetTriage } from './support';

let api: LiteratureTriageApi;

function rows(): PaperNode[] {
  const groups = api.view.provider.getChildren() as GroupNode[];
  return groups.flatMap((g) => api.view.provider.getChildren(g) as PaperNode[]);
}

function tooltip(): string {
  return String(api.view.progressItem.tooltip);
}

suite('Screening Progress', () => {
  suiteSetup(async () => {
    api = await activeApi();
    await resetTriage(api);
    await vscode.commands.executeCommand('literatureTriage.screeningProgress.focus');
  });

  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('literatureTriage')
      .update('screening.recallTarget', undefined, vscode.ConfigurationTarget.Global);
    await resetTriage(api);
  });

  test('the view and the status bar follow each decision', async () => {
    const total = api.context.library.papers.length;
    const start = await eventually(() => api.progress.delivered, 'the webview to get its first model', {
      until: (model) => model?.screened === 0,
    });
    assert.equal(start!.total, total);
    assert.deepEqual(start!.inclusionsAt, []);

    const [first, second, third] = rows();
    await vscode.commands.executeCommand('literatureTriage.include', first);
    await vscode.commands.executeCommand('literatureTriage.exclude', second);
    const afterTwo = await eventually(() => api.progress.delivered, 'the webview to show 2 decisions', {
      until: (model) => model?.screened === 2,
    });
    assert.equal(afterTwo!.included, 1);
    assert.deepEqual(afterTwo!.inclusionsAt, [1]);
    assert.equal(afterTwo!.sinceLastInclusion, 1);
    assert.equal(afterTwo!.stop, false);
    const more = /^Not yet: about (\d+) more papers? to screen\.$/.exec(afterTwo!.verdict);
    assert.ok(more, afterTwo!.verdict);
    assert.ok(Number(more[1]) > 0 && Number(more[1]) <= total - 2);
    assert.ok(tooltip().includes(afterTwo!.verdict), tooltip());

    await vscode.commands.executeCommand('literatureTriage.exclude', third);
    const afterThree = await eventually(() => api.progress.delivered, 'the webview to show 3 decisions', {
      until: (model) => model?.screened === 3,
    });
    assert.equal(afterThree!.sinceLastInclusion, 2);
    const fewer = /about (\d+) more/.exec(afterThree!.verdict);
    assert.equal(Number(fewer![1]), Number(more[1]) - 1, 'one exclusion more, one fewer to go');
    assert.deepEqual(api.progress.model, afterThree);

    // Withdrawing the inclusion: nothing found, the curve has no step.
    await vscode.commands.executeCommand('literatureTriage.clearDecision', first);
    const cleared = await eventually(() => api.progress.delivered, 'the webview to drop the inclusion', {
      until: (model) => model?.screened === 2,
    });
    assert.equal(cleared!.included, 0);
    assert.deepEqual(cleared!.inclusionsAt, []);
  });

  test('the recall target setting changes the test', async () => {
    const [first, second] = rows();
    await vscode.commands.executeCommand('literatureTriage.include', first);
    await vscode.commands.executeCommand('literatureTriage.exclude', second);
    const at95 = await eventually(() => api.progress.model, 'two decisions', {
      until: (model) => model.screened >= 2 && model.included >= 1,
    });
    assert.match(at95.explanation, /below 95 %/);
    await vscode.workspace
      .getConfiguration('literatureTriage')
      .update('screening.recallTarget', 0.5, vscode.ConfigurationTarget.Global);
    const at50 = await eventually(() => api.progress.delivered, 'the view to use 50 %', {
      until: (model) => model?.explanation.includes('below 50 %') === true,
    });
    const n = (verdict: string): number => Number(/about (\d+) more/.exec(verdict)?.[1] ?? 0);
    assert.ok(n(at50!.verdict) < n(at95.verdict), `${at50!.verdict} vs ${at95.verdict}`);
    assert.ok(tooltip().includes(at50!.verdict), tooltip());
  });
});
