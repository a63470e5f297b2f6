import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_CRITERIA_LENGTH,
  parseCriteria,
  parseInline,
  type CriteriaBlock,
  type CriteriaInline,
} from '../../../src/core/review/criteriaMarkdown';

/** A compact spelling of the tree: `h2(…)`, `p(…)`, `ul[…]`, `ol3[…]`, `**…**`, `*…*`, `` `…` ``, `[…](url)`. */
function spell(blocks: readonly CriteriaBlock[]): string[] {
  return blocks.map((b) => {
    if (b.kind === 'heading') return `h${b.level}(${inline(b.content)})`;
    if (b.kind === 'paragraph') return `p(${inline(b.content)})`;
    const name = b.ordered ? `ol${b.start}` : 'ul';
    return `${name}[${b.items.map((item) => spell(item).join(' ')).join(' | ')}]`;
  });
}

function inline(nodes: readonly CriteriaInline[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text;
        case 'code':
          return `\`${n.text}\``;
        case 'strong':
          return `**${inline(n.children)}**`;
        case 'em':
          return `*${inline(n.children)}*`;
        case 'link':
          return `[${inline(n.children)}](${n.url})`;
      }
    })
    .join('');
}

test('a typical protocol: headings, bullet and numbered lists, emphasis', () => {
  const markdown = [
    '## Inclusion',
    '- **Population:** adults (≥ 18 years) with *type 2* diabetes',
    '- Randomised controlled trials',
    '',
    '## Exclusion',
    '1. Animal studies',
    '2. Conference abstracts without `full text`',
    '',
    'See the [protocol](https://example.org/protocol) for details.',
  ].join('\n');
  assert.deepEqual(spell(parseCriteria(markdown)), [
    'h2(Inclusion)',
    'ul[p(**Population:** adults (≥ 18 years) with *type 2* diabetes) | p(Randomised controlled trials)]',
    'h2(Exclusion)',
    'ol1[p(Animal studies) | p(Conference abstracts without `full text`)]',
    'p(See the [protocol](https://example.org/protocol) for details.)',
  ]);
});

test('nested lists by indentation; a blank line between items keeps one list; a numbered list may start anywhere', () => {
  const markdown = [
    '- Population',
    '  - adults',
    '  - children',
    '',
    '- Outcome',
    '',
    '3. third',
    '4. fourth',
  ];
  assert.deepEqual(spell(parseCriteria(markdown.join('\n'))), [
    'ul[p(Population) ul[p(adults) | p(children)] | p(Outcome)]',
    'ol3[p(third) | p(fourth)]',
  ]);
});

test('lines of one paragraph join; CRLF and tabs are read like LF and spaces', () => {
  assert.deepEqual(spell(parseCriteria('Studies in\r\nEnglish only.\r\n\r\n#\tNotes')), [
    'p(Studies in English only.)',
    'h1(Notes)',
  ]);
});

test('what only looks like Markdown stays text', () => {
  assert.deepEqual(spell(parseCriteria('#hashtag and 5 * 3 * 2')), ['p(#hashtag and 5 * 3 * 2)']);
  assert.equal(inline(parseInline('snake_case_name')), 'snake_case_name');
  assert.equal(inline(parseInline('an *unclosed emphasis')), 'an *unclosed emphasis');
  assert.equal(inline(parseInline('\\*not emphasis\\*')), '*not emphasis*');
  assert.equal(inline(parseInline('[no address]')), '[no address]');
});

test('markup in the criteria is text, never elements: the tree holds only text nodes and known kinds', () => {
  const blocks = parseCriteria('<img src=x onerror=alert(1)> **<script>alert(1)</script>**');
  assert.deepEqual(spell(blocks), ['p(<img src=x onerror=alert(1)> **<script>alert(1)</script>**)']);
});

test('strong and emphasis side by side, and nested', () => {
  assert.equal(inline(parseInline('**a** and *b*')), '**a** and *b*');
  assert.equal(inline(parseInline('**all *of* it**')), '**all *of* it**');
  assert.equal(inline(parseInline('__strong__ _em_')), '**strong** *em*');
});

test('hostile input: very long, deeply nested, many unmatched markers; it is cut and still parsed', () => {
  const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n');
  const blocks = parseCriteria(deep);
  assert.equal(blocks.length, 1);
  let depth = 0;
  let node: CriteriaBlock | undefined = blocks[0];
  while (node?.kind === 'list') {
    depth++;
    node = node.items[0]!.find((b) => b.kind === 'list');
  }
  assert.ok(depth <= 7, `depth ${depth}`);
  const markers = parseCriteria('*a '.repeat(50_000));
  assert.equal(markers.length, 1);
  const text = inline((markers[0] as { content: CriteriaInline[] }).content);
  assert.equal(text.length, MAX_CRITERIA_LENGTH, 'cut at the limit, every marker kept as text');
});
