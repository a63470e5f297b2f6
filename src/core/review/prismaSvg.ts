/**
 * The PRISMA 2020 flow diagram for new systematic reviews that searched databases and registers only, as a
 * standalone SVG: every text is a `<text>` element (escaped, long names wrapped, boxes as tall as their
 * lines), fixed colours that print and export the same on any theme, and a `<title>` and `<desc>` that say
 * the whole flow for screen readers. Each box is a `<g data-box="…">` named by its field of PrismaCounts,
 * and each number is in a `<tspan class="count">`, so a program can read the diagram back.
 */
import { excludedReportsTotal, type PrismaField, type PrismaFlow, type SourceType } from './prisma';
import { escapeXml, isolate, plainName, textWidth, wrapText } from './svgText';

const FONT = 13;
const LINE = 17;
const PAD_Y = 9;
const PAD_X = 10;
const INDENT = 14;
const LABEL_X = 12;
const LABEL_W = 26;
const MAIN_X = 52;
const BOX_W = 290;
const GAP_X = 50;
const SIDE_X = MAIN_X + BOX_W + GAP_X;
const WIDTH = SIDE_X + BOX_W + 12;
const HEADER_Y = 12;
const HEADER_H = 34;
const ROW_GAP = 34;
const COLOURS = {
  background: '#ffffff',
  box: '#ffffff',
  stroke: '#2b2b2b',
  text: '#000000',
  header: '#f9dd8a',
  label: '#bcd6ee',
  note: '#f4f4f4',
};

/** One entry of a box: trusted text, or a name from a corpus or a setting; then its count, if any. */
interface Entry {
  text?: string;
  name?: string;
  count?: number | null;
  indent?: number;
  /** Extra attributes of the entry's `<text>` elements (which source or reason it is). */
  data?: Record<string, string>;
}

interface Box {
  field: PrismaField | 'notes';
  entries: Entry[];
}

interface PlacedLine {
  /** Trusted text and an isolated name, already joined; the count follows. */
  text: string;
  count?: string;
  indent: number;
  data: Record<string, string> | undefined;
}

const NOTE_W = SIDE_X + BOX_W - MAIN_X;

/** The count as shown: "n = 12", or "n = ?" when it cannot be known. */
export function countText(count: number | null): string {
  return count === null ? 'n = ?' : `n = ${count}`;
}

function layoutEntry(entry: Entry, boxWidth: number): PlacedLine[] {
  const indent = entry.indent ?? 0;
  const width = boxWidth - 2 * PAD_X - indent;
  const count = entry.count === undefined ? undefined : countText(entry.count);
  const suffix = count === undefined ? '' : ` (${count})`;
  const data = entry.data;
  if (entry.name === undefined) {
    const lines = wrapText(entry.text ?? '', width - textWidth(suffix, FONT), FONT);
    return lines.map((text, i) => ({
      text: escapeXml(text),
      ...(i === lines.length - 1 && count !== undefined ? { count } : {}),
      indent,
      data,
    }));
  }
  const name = plainName(entry.name) || '(no name)';
  const lines = wrapText(name, width, FONT);
  const placed: PlacedLine[] = lines.map((text) => ({ text: escapeXml(isolate(text)), indent, data }));
  if (count !== undefined) {
    const last = placed[placed.length - 1]!;
    if (textWidth(`${lines[lines.length - 1]}${suffix}`, FONT) <= width) last.count = count;
    else placed.push({ text: '', count, indent, data });
  }
  return placed;
}

function boxHeight(lines: readonly PlacedLine[]): number {
  return 2 * PAD_Y + Math.max(1, lines.length) * LINE;
}

function linesOf(box: Box, width: number): PlacedLine[] {
  return box.entries.flatMap((entry) => layoutEntry(entry, width));
}

function renderBox(box: Box, x: number, y: number, height: number, width = BOX_W, dashed = false): string {
  const lines = linesOf(box, width);
  const parts = [
    `<g data-box="${box.field}">`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="3" fill="${dashed ? COLOURS.note : COLOURS.box}" stroke="${COLOURS.stroke}"${dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
  ];
  lines.forEach((line, i) => {
    const attrs = Object.entries(line.data ?? {})
      .map(([k, v]) => ` data-${k}="${escapeXml(v)}"`)
      .join('');
    const count =
      line.count === undefined ? '' : `${line.text ? ' ' : ''}(<tspan class="count">${line.count}</tspan>)`;
    parts.push(
      `<text x="${x + PAD_X + line.indent}" y="${y + PAD_Y + FONT + i * LINE}"${attrs}>${line.text}${count}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('\n');
}

function sourceEntries(flow: PrismaFlow, type: SourceType, label: string): Entry[] {
  const sources = flow.sources.filter((s) => s.type === type);
  const total = sources.reduce((n, s) => n + s.records, 0);
  return [
    { text: label, count: total, data: { total: type } },
    ...sources.map((s) => ({
      name: s.name,
      count: s.records,
      indent: INDENT,
      data: { source: String(flow.sources.indexOf(s)) },
    })),
  ];
}

function reasonEntries(flow: PrismaFlow): Entry[] {
  const reasons = flow.counts.excluded_reports;
  const head: Entry = { text: 'Reports excluded', count: excludedReportsTotal(flow.counts) };
  if (reasons === null) return [head];
  return [
    head,
    ...Object.entries(reasons).map(([name, count], i) => ({
      name,
      count,
      indent: INDENT,
      data: { reason: String(i) },
    })),
  ];
}

/** What each count is called in the diagram (and in lists of what is not known). */
export const FIELD_LABELS: Record<PrismaField, string> = {
  identified: 'Records identified',
  duplicates_removed: 'Duplicate records removed',
  screened: 'Records screened',
  excluded_screening: 'Records excluded',
  sought: 'Reports sought for retrieval',
  not_retrieved: 'Reports not retrieved',
  assessed: 'Reports assessed for eligibility',
  excluded_reports: 'Reports excluded',
  included: 'Studies included in review',
};

/** The notes, then one line per cause of unknown counts: "n = ?: … are not known: <why>". */
function noteEntries(flow: PrismaFlow): Entry[] {
  const notes: Entry[] = flow.notes.map((text) => ({ text }));
  const byWhy = new Map<string, string[]>();
  for (const u of flow.unknown) byWhy.set(u.why, [...(byWhy.get(u.why) ?? []), FIELD_LABELS[u.field]]);
  for (const [why, fields] of byWhy) {
    notes.push({
      text: `n = ?: ${sentenceList(fields)} ${fields.length === 1 ? 'is' : 'are'} not known: ${why}.`,
    });
  }
  return notes;
}

function sentenceList(items: readonly string[]): string {
  const lower = items.map((item, i) => (i === 0 ? item : item[0]!.toLowerCase() + item.slice(1)));
  return lower.length <= 1
    ? (lower[0] ?? '')
    : `${lower.slice(0, -1).join(', ')} and ${lower[lower.length - 1]}`;
}

/** Rows of the flow: the main column's box and the one its arrow points to, if any. */
function rows(flow: PrismaFlow): Array<{ main: Box; side?: Box }> {
  const c = flow.counts;
  return [
    {
      main: {
        field: 'identified',
        entries: [
          { text: 'Records identified from:' },
          ...sourceEntries(flow, 'database', 'Databases'),
          ...sourceEntries(flow, 'register', 'Registers'),
        ],
      },
      side: {
        field: 'duplicates_removed',
        entries: [
          { text: 'Records removed before screening:' },
          { text: 'Duplicate records removed', count: c.duplicates_removed, indent: INDENT },
        ],
      },
    },
    {
      main: { field: 'screened', entries: [{ text: 'Records screened', count: c.screened }] },
      side: {
        field: 'excluded_screening',
        entries: [{ text: 'Records excluded', count: c.excluded_screening }],
      },
    },
    {
      main: { field: 'sought', entries: [{ text: 'Reports sought for retrieval', count: c.sought }] },
      side: { field: 'not_retrieved', entries: [{ text: 'Reports not retrieved', count: c.not_retrieved }] },
    },
    {
      main: { field: 'assessed', entries: [{ text: 'Reports assessed for eligibility', count: c.assessed }] },
      side: { field: 'excluded_reports', entries: reasonEntries(flow) },
    },
    { main: { field: 'included', entries: [{ text: 'Studies included in review', count: c.included }] } },
  ];
}

function heightOf(box: Box | undefined, width = BOX_W): number {
  return box ? boxHeight(linesOf(box, width)) : 0;
}

function sideLabel(text: string, top: number, bottom: number): string {
  const cx = LABEL_X + LABEL_W / 2;
  const cy = (top + bottom) / 2;
  return [
    `<rect x="${LABEL_X}" y="${top}" width="${LABEL_W}" height="${bottom - top}" rx="4" fill="${COLOURS.label}" stroke="${COLOURS.stroke}"/>`,
    `<text x="${cx}" y="${cy}" transform="rotate(-90 ${cx} ${cy})" text-anchor="middle" dominant-baseline="central" font-weight="bold">${text}</text>`,
  ].join('\n');
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${COLOURS.stroke}" stroke-width="1.3" marker-end="url(#arrow)"/>`;
}

/** A plain-language account of the whole flow, for the `<desc>`. */
export function describeFlow(flow: PrismaFlow): string {
  const c = flow.counts;
  const n = (k: number | null) => (k === null ? 'an unknown number of' : String(k));
  const sources = flow.sources.map((s) => `${plainName(s.name)} (${s.type}, ${s.records})`).join('; ');
  const reasons =
    c.excluded_reports === null
      ? ''
      : Object.entries(c.excluded_reports)
          .map(([reason, k]) => `${plainName(reason)}: ${k}`)
          .join('; ');
  return [
    `Records identified: ${Object.values(c.identified).reduce((a, b) => a + b, 0)} from ${flow.sources.length} sources${sources ? ` (${sources})` : ''}.`,
    `Duplicate records removed: ${c.duplicates_removed}.`,
    `Records screened: ${c.screened}; excluded: ${c.excluded_screening}.`,
    `Reports sought for retrieval: ${c.sought}; not retrieved: ${n(c.not_retrieved)}.`,
    `Reports assessed for eligibility: ${n(c.assessed)}; excluded: ${n(excludedReportsTotal(c))}${reasons ? ` (${reasons})` : ''}.`,
    `Studies included in review: ${n(c.included)}.`,
    ...flow.notes,
    ...flow.unknown.map((u) => `Not known: ${FIELD_LABELS[u.field]}, because ${u.why}.`),
  ].join(' ');
}

export function prismaSvg(flow: PrismaFlow): string {
  const body: string[] = [];
  const top = HEADER_Y + HEADER_H + 22;
  let y = top;
  const rowTops: number[] = [];
  const rowBottoms: number[] = [];
  const allRows = rows(flow);
  for (const [i, row] of allRows.entries()) {
    let height = Math.max(heightOf(row.main), heightOf(row.side));
    // The last row's side label ("Included") is written along its height.
    if (i === allRows.length - 1) height = Math.max(height, textWidth('Included', FONT) + 2 * PAD_Y);
    rowTops.push(y);
    rowBottoms.push(y + height);
    body.push(renderBox(row.main, MAIN_X, y, height));
    if (row.side) {
      body.push(renderBox(row.side, SIDE_X, y, height));
      body.push(arrow(MAIN_X + BOX_W, y + height / 2, SIDE_X - 2, y + height / 2));
    }
    if (i > 0) body.push(arrow(MAIN_X + BOX_W / 2, rowBottoms[i - 1]!, MAIN_X + BOX_W / 2, y - 2));
    y += height + ROW_GAP;
  }
  const labels = [
    sideLabel('Identification', rowTops[0]!, rowBottoms[0]!),
    sideLabel('Screening', rowTops[1]!, rowBottoms[3]!),
    sideLabel('Included', rowTops[4]!, rowBottoms[4]!),
  ];
  const notes = noteEntries(flow);
  let height = rowBottoms[4]! + 16;
  if (notes.length) {
    // Outside the flow: what is awaiting a decision and what cannot be known.
    const noteBox: Box = { field: 'notes', entries: notes };
    const noteHeight = heightOf(noteBox, NOTE_W);
    body.push(renderBox(noteBox, MAIN_X, height + 8, noteHeight, NOTE_W, true));
    height += 8 + noteHeight + 16;
  }
  const title = 'PRISMA 2020 flow diagram';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="prisma-title prisma-desc" font-family="Arial, Helvetica, sans-serif" font-size="${FONT}" fill="${COLOURS.text}">`,
    `<title id="prisma-title">${title}</title>`,
    `<desc id="prisma-desc">${escapeXml(describeFlow(flow))}</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      `<path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.stroke}"/></marker></defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="${COLOURS.background}"/>`,
    `<rect x="${MAIN_X}" y="${HEADER_Y}" width="${SIDE_X + BOX_W - MAIN_X}" height="${HEADER_H}" rx="4" fill="${COLOURS.header}" stroke="${COLOURS.stroke}"/>`,
    `<text x="${(MAIN_X + SIDE_X + BOX_W) / 2}" y="${HEADER_Y + HEADER_H / 2}" text-anchor="middle" dominant-baseline="central" font-weight="bold">Identification of studies via databases and registers</text>`,
    ...labels,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
