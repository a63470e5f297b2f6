/** Prints bench/results.json as a table: each figure with its floor, the ratio and the target. */
import type { Figures } from './sizeBench';

interface Row {
  label: string;
  key: string;
  floor?: string;
  ratio?: string;
  target?: Partial<Record<string, string>>;
}

const ROWS: Row[] = [
  { label: 'papers', key: 'papers' },
  { label: 'parse (ms)', key: 'parse_ms' },
  { label: 'index build (ms)', key: 'build_ms', target: {} },
  { label: 'serialised index (MB)', key: 'serialized_mb' },
  { label: 'cache: index + topics (MB)', key: 'cached_mb' },
  { label: 'build peak RSS (MB)', key: 'build_peak_rss_mb', target: { '100k': '≤ 2048' } },
  {
    label: 'cached load (ms)',
    key: 'cached_load_ms',
    floor: 'json_parse_floor_ms',
    ratio: 'cached_load_ratio',
    target: { '10k': '≤ 300', '100k': '≤ 3000' },
  },
  { label: 'first query after a load (ms)', key: 'first_query_ms' },
  { label: 'query p50 (ms)', key: 'query_p50_ms', floor: 'scan_p50_ms' },
  {
    label: 'query p95 (ms)',
    key: 'query_p95_ms',
    floor: 'scan_p95_ms',
    ratio: 'query_ratio',
    target: { '10k': 'ratio ≤ 1.0', '100k': '≤ 100' },
  },
  { label: 'palette p95 in the worker, no trip (ms)', key: 'palette_compute_p95_ms' },
  { label: 'palette p50 per key, end to end (ms)', key: 'palette_e2e_p50_ms' },
  {
    label: 'palette p95 per key, end to end (ms)',
    key: 'palette_p95_ms',
    target: { '10k': '≤ 30', '100k': '≤ 50' },
  },
  { label: 'topics (ms)', key: 'topics_ms', target: { '100k': '≤ 20000' } },
  { label: 'tree children, largest topic (ms)', key: 'tree_children_ms' },
  { label: 'export all entries (ms)', key: 'export_ms' },
  { label: 'worker: corpus read (ms)', key: 'load_ms' },
  { label: 'worker: cold index + topics (ms)', key: 'cold_index_ms' },
  { label: 'host heap after load (MB)', key: 'host_heap_mb', target: { '100k': '≤ 150' } },
  { label: 'longest host block, corpus read (ms)', key: 'max_load_block_ms' },
  { label: 'longest host block, cold build (ms)', key: 'max_build_block_ms' },
  { label: 'longest host block, screening features (ms)', key: 'max_screening_block_ms' },
  { label: 'longest host block, 50-key palette burst (ms)', key: 'max_palette_block_ms' },
  {
    label: 'longest host block, worst of the four (ms)',
    key: 'max_host_block_ms',
    target: { '10k': '≤ 50', '100k': '≤ 50' },
  },
];

export function printTable(results: Record<string, unknown>): void {
  const sizes = ['1k', '10k', '100k'].filter((s) => results[s]);
  console.log(`\nmachine: ${String(results.machine)}; medians of ${String(results.runs)} runs`);
  const header = ['figure', ...sizes.map((s) => `${s}  (floor, ratio)`), 'target'];
  const lines: string[][] = [header];
  for (const row of ROWS) {
    const cells = sizes.map((size) => {
      const f = results[size] as Figures;
      if (f[row.key] === undefined) return '';
      let cell = String(f[row.key]);
      if (row.floor && f[row.floor] !== undefined) cell += `  (${f[row.floor]}`;
      if (row.ratio && f[row.ratio] !== undefined) cell += `, ×${f[row.ratio]}`;
      if (row.floor && f[row.floor] !== undefined) cell += ')';
      return cell;
    });
    if (cells.every((c) => c === '')) continue;
    const target = row.target
      ? sizes
          .map((s) => (row.target![s] ? `${s} ${row.target![s]}` : ''))
          .filter(Boolean)
          .join('; ')
      : '';
    lines.push([row.label, ...cells, target]);
  }
  if (sizes.length) printColumns(lines);
  const bibtex = results.bibtex as Record<string, number> | undefined;
  if (bibtex) {
    console.log('\nBibTeX reading (readCorpus: entries, LaTeX → text, ids, duplicates merged)');
    printColumns([
      ['file', 'entries', 'MB', 'read (ms)', 'MB/s', 'target'],
      [
        'big-library-7166.bib (first read, cold)',
        String(bibtex.big_library_entries),
        String(bibtex.big_library_mb),
        String(bibtex.big_library_first_read_ms),
        '',
        '',
      ],
      [
        'big-library-7166.bib',
        String(bibtex.big_library_entries),
        String(bibtex.big_library_mb),
        String(bibtex.big_library_read_ms),
        String(bibtex.big_library_mb_per_s),
        '≤ 2000 ms',
      ],
      [
        'real-bibliography.bib × 20',
        String(bibtex.entries),
        String(bibtex.repeated_mb),
        String(bibtex.repeated_6_5mb_read_ms),
        `${bibtex.mb_per_s} (floor ${bibtex.floor_mb_per_s})`,
        '',
      ],
      [
        'real-bibliography.bib × 60',
        String(bibtex.ten_k_entries),
        String(bibtex.ten_k_mb),
        String(bibtex.ten_k_read_ms),
        '',
        '≤ 3000 ms',
      ],
    ]);
  }
  const cite = results.cite as Record<string, number> | undefined;
  if (cite) {
    console.log(`\ncitations (${cite.papers} papers + a ${cite.bib_entries}-entry .bib)`);
    printColumns([
      ['measure', 'ms', 'target'],
      ['completion for a keystroke, p95', String(cite.completion_p95_ms), '≤ 50 ms'],
      [
        `diagnostics, ${cite.citations} citations in ${cite.document_chars} chars`,
        String(cite.diagnostics_ms),
        '≤ 100 ms',
      ],
      ['diagnostics, first run on a new index', String(cite.diagnostics_first_ms), ''],
      ['key index build', String(cite.index_build_ms), ''],
    ]);
  }
  const real = results.real as Record<string, Figures> | undefined;
  if (real) {
    console.log('\nreal corpora');
    const keys = ['papers', 'parse_ms', 'build_ms', 'query_p95_ms', 'scan_p95_ms', 'palette_p95_ms'];
    printColumns([
      ['corpus', ...keys],
      ...Object.entries(real).map(([name, f]) => [name, ...keys.map((k) => String(f[k] ?? ''))]),
    ]);
  }
}

function printColumns(lines: string[][]): void {
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  for (const line of lines)
    console.log(
      line
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
}
