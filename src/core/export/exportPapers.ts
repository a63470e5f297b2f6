/**
 * One export of the chosen papers as RIS, ASReview CSV or CSL-JSON (BibTeX merges into a .bib instead: see
 * core/bibtex). The scope options are Export BibTeX's, so every format exports the same papers.
 */
import { keyPapers, papersInScope, type ExportOptions, type KeyConflict } from '../bibtex/exportEntries';
import type { Paper } from '../model/paper';
import type { TriageState } from '../triage/types';
import { writeAsreviewCsv } from './asreviewCsv';
import { writeCslJson } from './cslJson';
import type { ExportRecord } from './record';
import { writeRis } from './ris';

export type ExportFormat = 'ris' | 'csv' | 'csljson';

/** Names for messages, the file extension, and the file name offered by default. */
export const EXPORT_FORMATS: Record<ExportFormat, { label: string; extensions: string[]; fileName: string }> =
  {
    ris: { label: 'RIS', extensions: ['ris'], fileName: 'literature-triage.ris' },
    csv: { label: 'CSV', extensions: ['csv'], fileName: 'literature-triage.csv' },
    // Not literature-triage.json: that is the state file's default name.
    csljson: { label: 'CSL-JSON', extensions: ['json'], fileName: 'literature-triage.csl.json' },
  };

export interface ExportedPapers {
  text: string;
  /** Ids of the papers written, in file order. */
  ids: string[];
  /** CSL-JSON: keys given to papers that had none, to pin once the file is written (as for the .bib). */
  newPins: Map<string, string>;
  /** CSL-JSON: papers left out because another exported paper is pinned to the same key. */
  conflicts: KeyConflict[];
  /** CSL-JSON: the key of each written paper, by paper id. */
  keys: Map<string, string>;
}

export function exportPapers(
  format: ExportFormat,
  papers: readonly Paper[],
  state: TriageState,
  options: ExportOptions = {},
): ExportedPapers {
  if (format === 'csljson') {
    const keyed = keyPapers(papers, state, options);
    return {
      text: writeCslJson(keyed.papers),
      ids: keyed.papers.map((r) => r.paper.id),
      newPins: keyed.newPins,
      conflicts: keyed.conflicts,
      keys: new Map(keyed.papers.map((r) => [r.paper.id, r.key])),
    };
  }
  const records: ExportRecord[] = papersInScope(papers, state, options);
  return {
    text: format === 'ris' ? writeRis(records) : writeAsreviewCsv(records),
    ids: records.map((r) => r.paper.id),
    newPins: new Map(),
    conflicts: [],
    keys: new Map(),
  };
}
