import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementAt } from '../../../src/core/team';
import { decideMany, emptyState } from '../../../src/core/triage';
import { agreementHtml } from '../../../src/extension/team/agreementHtml';

const NOW = '2026-12-01T10:00:00.000Z';

test('the agreement page has no script, shows the figures and escapes reviewer names and file problems', () => {
  const paper = { id: 'p1', title: 'P1' };
  const a = decideMany(emptyState(), [paper], 'titleAbstract', 'include', NOW);
  const b = decideMany(emptyState(), [paper], 'titleAbstract', 'exclude', NOW);
  const stage = agreementAt(
    [
      { reviewer: 'a<script>', state: a },
      { reviewer: 'b', state: b },
    ],
    'titleAbstract',
  );
  const html = agreementHtml([stage], [{ name: '<img src=x>.json', message: 'line 1: "bad"' }], false);
  assert.ok(!/<script/i.test(html));
  assert.ok(!html.includes('<img'));
  assert.match(html, /a&lt;script&gt;, b/);
  assert.match(html, /<code>&lt;img src=x&gt;\.json<\/code>: line 1: &quot;bad&quot;/);
  assert.match(html, /<dt>Papers decided by all<\/dt><dd>1<\/dd>/);
  assert.match(html, /<dt>Percent agreement<\/dt><dd>0\.0 %<\/dd>/);
  const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'$/);
});

test('while blind the page shows no figure of anyone', () => {
  const html = agreementHtml([], [], true);
  assert.match(html, /Blind screening is on/);
  assert.ok(!html.includes('<table'));
  assert.ok(!html.includes('<dl'));
});
