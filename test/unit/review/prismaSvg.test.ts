import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import {
  excludedReportsTotal,
  prismaFlow,
  type PaperReview,
  type PrismaFlow,
  type PrismaInput,
} from '../../../src/core/review/prisma';
import { prismaSvg } from '../../../src/core/review/prismaSvg';
import { SeededRandom } from '../../../src/core/screening/prng';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses with saxes (namespaces on); any well-formedness error fails the test. */
function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const errors: string[] = [];
  parser.on('error', (e) => errors.push(e.message));
  parser.on('opentag', (tag) => {
    assert.equal(tag.uri, SVG_NS, `<${tag.name}> is in the SVG namespace`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local] = a.value;
    const el: El = { name: tag.local, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1]!.children.push(t));
  parser.write(xml).close();
  assert.deepEqual(errors, []);
  assert.equal(root.children.filter((c) => typeof c !== 'string').length, 1);
  return root.children.find((c): c is El => typeof c !== 'string')!;
}

function all(el: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (pred(e)) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

function text(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
}

/** The numbers of the diagram's boxes as shown: "n = 12" → 12, "n = ?" → null. */
function countsOf(el: El): Array<number | null> {
  return all(el, (e) => e.name === 'tspan' && e.attrs.class === 'count').map((t) => {
    const m = /^n = (\d+|\?)$/.exec(text(t));
    assert.ok(m, `count text ${JSON.stringify(text(t))}`);
    return m[1] === '?' ? null : Number(m[1]);
  });
}

const FSI_PDI = /[\u2068\u2069]/g;

/** A name as the diagram spells it over its lines: the text before each count, isolates and spaces dropped. */
function nameOf(lines: El[]): string {
  return lines
    .map((line) => {
      const count = line.children.findIndex((c) => typeof c !== 'string');
      const before = (count < 0 ? line.children : line.children.slice(0, count)) as string[];
      return before.join('').replace(count < 0 ? /$/ : /\s*\($/, '');
    })
    .join('')
    .replace(FSI_PDI, '')
    .replace(/\s+/g, '');
}

const squash = (name: string) =>
  name
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Checks every box of the parsed diagram against the flow's JSON. */
function assertDiagramMatches(svg: string, flow: PrismaFlow): void {
  const root = parse(svg);
  assert.equal(root.name, 'svg');
  assert.ok(text(all(root, (e) => e.name === 'title')[0]!).includes('PRISMA 2020'));
  assert.ok(text(all(root, (e) => e.name === 'desc')[0]!).length > 0);
  const boxes = new Map(
    all(root, (e) => e.name === 'g' && 'data-box' in e.attrs).map((g) => [g.attrs['data-box']!, g]),
  );
  const c = flow.counts;
  for (const field of [
    'duplicates_removed',
    'screened',
    'excluded_screening',
    'sought',
    'not_retrieved',
    'assessed',
    'included',
  ] as const) {
    assert.deepEqual(countsOf(boxes.get(field)!), [c[field]], field);
  }
  // Identification: the total of each type, then one line per source with its records.
  const identified = boxes.get('identified')!;
  for (const type of ['database', 'register'] as const) {
    const total = all(identified, (e) => e.name === 'text' && e.attrs['data-total'] === type);
    const expected = flow.sources.filter((s) => s.type === type).reduce((n, s) => n + s.records, 0);
    assert.deepEqual(countsOf({ name: 'g', attrs: {}, children: total }), [expected], type);
  }
  flow.sources.forEach((source, i) => {
    const lines = all(identified, (e) => e.name === 'text' && e.attrs['data-source'] === String(i));
    assert.deepEqual(countsOf({ name: 'g', attrs: {}, children: lines }), [source.records]);
    assert.equal(c.identified[source.name], source.records);
    assert.equal(nameOf(lines), squash(source.name), `source ${i}`);
  });
  // Reports excluded: the total, then each reason with its count, in the JSON's order.
  const reasons = boxes.get('excluded_reports')!;
  const shown = countsOf(reasons);
  assert.equal(shown[0], excludedReportsTotal(c));
  const entries = Object.entries(c.excluded_reports ?? {});
  assert.deepEqual(
    shown.slice(1),
    entries.map(([, n]) => n),
  );
  entries.forEach(([reason], i) => {
    const lines = all(reasons, (e) => e.name === 'text' && e.attrs['data-reason'] === String(i));
    assert.equal(nameOf(lines), squash(reason), `reason ${i}`);
  });
  // Nothing but drawing elements: a name never becomes markup.
  const names = new Set(all(root, () => true).map((e) => e.name));
  for (const name of names) {
    assert.ok(
      ['svg', 'title', 'desc', 'defs', 'marker', 'path', 'rect', 'text', 'tspan', 'g', 'line'].includes(name),
      name,
    );
  }
  // Each line's isolates are balanced, so a right-to-left name cannot move the text after it.
  for (const t of all(root, (e) => e.name === 'text')) {
    const s = text(t);
    assert.ok(!/[\u202A-\u202E\u2066\u2067]/.test(s), 'no embedding or override is left');
    assert.equal((s.match(/\u2068/g) ?? []).length, (s.match(/\u2069/g) ?? []).length);
  }
}

function input(papers: PaperReview[], sources: PrismaInput['sources'], fullTextRecorded = true): PrismaInput {
  const records = sources.reduce((n, s) => n + s.records, 0);
  return { sources, duplicatesRemoved: records - papers.length, papers, fullTextRecorded };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'Tom & Jerry\'s "quotes"',
  ']]> <!-- --> <?xml?>',
  `${'long '.repeat(400)}`,
  'x'.repeat(2000),
  '\u202Eevil\u202C name \u2066isolated',
  '\u2069 closes early \u202E',
  'مراجعة منهجية',
  'control\u0001\u0007char\ttab\nline',
  'lone \uD800 surrogate',
  'combining e\u0301\u0301\u0301',
  '🙂 emoji 👩‍🔬',
];

test('every box of the diagram shows the number of the JSON, hostile names staying text', () => {
  const papers: PaperReview[] = [
    ...Array.from({ length: 30 }, () => ({ screening: 'exclude' as const })),
    ...HOSTILE.map((reason) => ({
      screening: 'include' as const,
      fullText: { decision: 'exclude' as const, reason },
    })),
    { screening: 'include', fullText: { decision: 'include' } },
    { screening: 'include', fullText: { retrieved: false } },
    { screening: 'maybe' },
    {},
  ];
  const sources = HOSTILE.map((name, i) => ({
    name,
    type: i % 3 === 0 ? ('register' as const) : ('database' as const),
    records: i === 0 ? papers.length + 4 : i,
  }));
  const flow = prismaFlow(input(papers, sources));
  const svg = prismaSvg(flow);
  assertDiagramMatches(svg, flow);
  assert.ok(!svg.includes('<script'), 'no markup from a name');
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(svg.includes('Tom &amp; Jerry&apos;s &quot;quotes&quot;'));
});

test('unknown counts are shown as "n = ?" and said in the notes', () => {
  const flow = prismaFlow(
    input(
      [{ screening: 'include' }, { screening: 'exclude' }, {}],
      [{ name: 'seed.txt', type: 'database', records: 3 }],
      false,
    ),
  );
  const svg = prismaSvg(flow);
  assertDiagramMatches(svg, flow);
  const root = parse(svg);
  const boxes = new Map(
    all(root, (e) => e.name === 'g' && 'data-box' in e.attrs).map((g) => [g.attrs['data-box']!, g]),
  );
  for (const field of ['not_retrieved', 'assessed', 'excluded_reports', 'included']) {
    assert.deepEqual(countsOf(boxes.get(field)!), [null], field);
  }
  const notes = text(boxes.get('notes')!).replace(/\s+/g, ' ');
  assert.match(notes, /Awaiting screening: 1 record \(1 not yet screened, 0 marked maybe\)/);
  assert.match(
    notes,
    /n = \?: Reports not retrieved, reports assessed for eligibility, reports excluded and studies included in review are not known: the state file records no full-text stage/,
  );
  assert.match(text(all(root, (e) => e.name === 'desc')[0]!), /Not known: Reports not retrieved/);
  // The side labels of the PRISMA template.
  const labels = all(root, (e) => e.name === 'text' && 'transform' in e.attrs).map(text);
  assert.deepEqual(labels, ['Identification', 'Screening', 'Included']);
});

test('long lists make taller boxes, never wider ones, and the boxes stay in their order', () => {
  const reasons = Array.from({ length: 40 }, (_, i) => `Reason ${i} ${'word '.repeat(i)}`);
  const papers: PaperReview[] = reasons.map((reason) => ({
    screening: 'include',
    fullText: { decision: 'exclude', reason },
  }));
  const flow = prismaFlow(input(papers, [{ name: 'a', type: 'database', records: 40 }]));
  const root = parse(prismaSvg(flow));
  const rects = new Map(
    all(root, (e) => e.name === 'g' && 'data-box' in e.attrs).map((g) => {
      const rect = g.children.find((c): c is El => typeof c !== 'string' && c.name === 'rect')!;
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(rect.attrs[k]));
      return [
        g.attrs['data-box']!,
        { x: x!, y: y!, width: width!, height: height!, lines: all(g, (e) => e.name === 'text').length },
      ];
    }),
  );
  const width = Number(root.attrs.width);
  const reasonBox = rects.get('excluded_reports')!;
  assert.ok(reasonBox.lines > 40, 'one line or more per reason');
  assert.ok(reasonBox.height >= reasonBox.lines * 17);
  for (const [box, r] of rects) {
    assert.ok(r.x + r.width <= width, `${box} inside the drawing`);
    assert.ok(r.y + r.height <= Number(root.attrs.height), `${box} inside the drawing`);
  }
  const order = ['identified', 'screened', 'sought', 'assessed', 'included'].map((b) => rects.get(b)!.y);
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(rects.get('included')!.y > reasonBox.y + reasonBox.height);
});

test('random flows parse back to their JSON', () => {
  const random = new SeededRandom(99);
  const names = ['PubMed', 'Embase', 'a & b', '<x>', 'ClinicalTrials.gov', 'x'.repeat(120)];
  for (let round = 0; round < 60; round++) {
    const papers: PaperReview[] = Array.from({ length: random.nextInt(80) }, () => {
      const screening = (['include', 'exclude', 'maybe', undefined] as const)[random.nextInt(4)];
      const decision = (['include', 'exclude', undefined] as const)[random.nextInt(3)];
      return {
        ...(screening ? { screening } : {}),
        fullText: { decision, reason: names[random.nextInt(names.length)]!, retrieved: random.next() < 0.9 },
      };
    });
    const sources = Array.from({ length: 1 + random.nextInt(4) }, (_, i) => ({
      name: names[random.nextInt(names.length)]!,
      type: random.next() < 0.5 ? ('database' as const) : ('register' as const),
      records: i === 0 ? papers.length + random.nextInt(10) : random.nextInt(10),
    }));
    const flow = prismaFlow(input(papers, sources, random.next() < 0.8));
    assertDiagramMatches(prismaSvg(flow), flow);
  }
});
