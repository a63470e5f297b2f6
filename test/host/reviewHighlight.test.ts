import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperSummary } from '../../src/worker/protocol';
import type { Reader } from '../../src/extension/reader/reader';
import type { HostMessage, PaperView } from '../../src/webview/protocol';
import { searchItems } from '../../src/extension/search/searchItems';
import { eventually } from '../harness/eventually';
import { activeApi } from './support';
import { stubs } from './windowStubs';

const TITLE = 'Continuous Speculative Decoding for Autoregressive Image Generation';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('literatureTriage');
}

suite('review highlight terms', () => {
  const window = stubs();

  teardown(async () => {
    window.restore();
    await config().update('highlight', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('terms are sent to the reader with their kind, the count line follows, and a setting change re-renders', async () => {
    const api = await activeApi();
    const reader = api.reader as unknown as Reader;
    const paper = api.context.library.papers.find((p: PaperSummary) => p.title === TITLE);
    assert.ok(paper);
    const messages: HostMessage[] = [];
    const original = reader.panel.post.bind(reader.panel);
    reader.panel.post = (message) => (messages.push(message), original(message));
    const last = (): PaperView | undefined =>
      messages.filter((m) => m.type === 'showPaper').pop()?.paper as PaperView | undefined;
    try {
      await config().update(
        'highlight',
        { include: ['speculative decoding', 'autoregress*'], exclude: ['image'] },
        vscode.ConfigurationTarget.Workspace,
      );
      api.reader.show(paper);
      await eventually(() => last()?.termCounts, 'the count line', {
        until: (label) => label === '2 inclusion terms, 1 exclusion term',
      });
      const view = last()!;
      const title = view.highlights
        .filter((r) => r.field === 'title' && r.kind !== 'match')
        .map((r) => [view.title.slice(r.start, r.end), r.kind]);
      assert.deepEqual(title, [
        ['Speculative Decoding', 'include'],
        ['Autoregressive', 'include'],
        ['Image', 'exclude'],
      ]);

      await config().update('highlight', { exclude: ['image'] }, vscode.ConfigurationTarget.Workspace);
      await eventually(() => last()?.termCounts, 'the count line after the change', {
        until: (label) => label === '1 exclusion term',
      });
      await config().update('highlight', undefined, vscode.ConfigurationTarget.Workspace);
      await eventually(() => last(), 'no terms', {
        until: (v) =>
          v !== undefined && v.termCounts === undefined && v.highlights.every((r) => r.kind === 'match'),
      });
    } finally {
      reader.panel.post = original;
    }
  });

  test('a bad value is one clear warning, shown once, and the usable terms still work', async () => {
    const api = await activeApi();
    window.window('showWarningMessage', async () => undefined);
    await config().update(
      'highlight',
      { include: ['(', 'speculative'], colour: 'red' },
      vscode.ConfigurationTarget.Workspace,
    );
    const paper = api.context.library.papers.find((p: PaperSummary) => p.title === TITLE)!;
    const items = await searchItems(api.context.library, 'speculative decoding', {
      review: api.context.review,
    });
    const item = items.find((i) => i.paper.id === paper.id);
    assert.ok(item?.detail?.startsWith('1 inclusion term · '), item?.detail);
    await searchItems(api.context.library, 'decoding', { review: api.context.review });
    const warnings = window.calls.get('showWarningMessage') ?? [];
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(String(warnings[0]![0]), /literatureTriage\.highlight has an unknown key "colour"/);
    assert.match(String(warnings[0]![0]), /and 1 more in the output log/);
  });
});
