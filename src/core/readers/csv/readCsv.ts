/**
 * CSV and TSV corpus files (ASReview, Rayyan, Covidence, PubMed, Scopus, Zotero, Citavi, Web of Science
 * exports, or a spreadsheet), read by header name (columns.ts), with the screening decisions they carry
 * (labels.ts) returned as `decisions`.
 *
 * - Delimiter: tab for `.tsv`, else found from the header line (table.ts); quotes as in RFC 4180, read
 *   leniently (parseCsv.ts). BOM, CRLF and line breaks inside quoted fields are fine.
 * - A header without a title column is a CorpusError naming the header's line; an empty file is 0 papers.
 * - A row with another number of fields than the header is read by position, with a warning naming its line
 *   (extra empty fields, a trailing delimiter, are not worth one). A row without a title is skipped with a
 *   warning naming its line, and what decision it had.
 * - Fields: see cells.ts for authors, DOI (the DOI token of a polluted cell), URL, keywords; year from a year
 *   column, else the first year in a date column; a PMID column sets `pmid`.
 * - Decisions: a label column, else Rayyan's notes, else a Covidence export's list; the exclusion reason from
 *   a reason column, else Rayyan's; notes and tags (Rayyan labels, a tags column) travel with the decision.
 *   A label that is not a decision is a warning naming the line. Rows merged as one paper keep one decision;
 *   rows of one paper with different decisions give none, with a warning.
 */
import {
  CorpusError,
  type FileDecision,
  type Paper,
  type ReadResult,
  type ReadWarning,
} from '../../model/paper';
import { oneLine } from '../../text/normalize';
import { finish, makePaper, parseYear } from '../common';
import { authorsIn, doiIn, isoDateIn, listIn, textIn, urlsIn } from './cells';
import { COLUMN_NAMES, type Field } from './columns';
import { covidenceList, labelValue, parseRayyanNotes, rayyanDecision, type DecisionStatus } from './labels';
import type { CsvRecord, Delimiter } from './parseCsv';
import { readTable, type Table } from './table';

export { sniffTable } from './table';

export function readCsv(input: string, file: string): ReadResult {
  return readDelimited(input, file);
}

export function readTsv(input: string, file: string): ReadResult {
  return readDelimited(input, file, '\t');
}

type Pending = Omit<FileDecision, 'paperId'>;

export function readDelimited(input: string, file: string, delimiter?: Delimiter): ReadResult {
  const warnings: ReadWarning[] = [];
  const table = readTable(input, file, { delimiter, lenient: true, warnings });
  if (!table) return { papers: [], warnings, decisions: [] };
  const { columns, header } = table;
  if (columns.title === -1) {
    throw new CorpusError(
      file,
      `no title column in the header (one of ${COLUMN_NAMES.title.slice(0, 4).join(', ')}, …)${describeDelimiter(table)}`,
      header.line,
    );
  }
  const covidence = columns.covidence !== -1 ? covidenceList(file) : undefined;
  const records: Paper[] = [];
  const pending: [recordId: string, decision: Pending][] = [];

  table.rows.forEach((row, i) => {
    const record = i + 1;
    const cell = (field: Field): string => row.fields[columns[field]] ?? '';
    checkWidth(table, row, file, warnings);
    const decision = decisionOf(cell, row.line, file, covidence?.status, warnings);
    const title = oneLine(cell('title'));
    if (!title) {
      const id = oneLine(cell('id'));
      warnings.push({
        file,
        line: row.line,
        record,
        message: `row ${record}${id ? ` (id ${id})` : ''} has no title: skipped${decision ? ` with its decision (${decision.status})` : ''}`,
      });
      return;
    }
    const urls = urlsIn(cell('url'));
    const paper = makePaper(
      {
        title,
        abstract: textIn(cell('abstract')),
        authors: authorsIn(cell('authors')),
        year: parseYear(cell('year')) ?? parseYear(cell('date')),
        published: isoDateIn(cell('date')),
        doi: doiIn(cell('doi')),
        pmid: oneLine(cell('pmid')) || undefined,
        arxivId: oneLine(cell('arxivId')) || undefined,
        url: urls[0],
        extraLinks: urls.slice(1),
        venue: oneLine(cell('venue')) || undefined,
        keywords: listIn(cell('keywords')),
        citationKey: oneLine(cell('citationKey')) || undefined,
      },
      { file, line: row.line, record },
    );
    records.push(paper);
    if (decision) pending.push([paper.id, decision]);
  });

  const result = finish(file, records, warnings);
  result.decisions = survivingDecisions(result.papers, pending, warnings);
  return result;
}

function describeDelimiter(table: Table): string {
  const name = table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`;
  return table.header.fields.length > 1 ? ` (columns split at ${name})` : ' (one column: is it delimited?)';
}

function checkWidth(table: Table, row: CsvRecord, file: string, warnings: ReadWarning[]): void {
  const width = table.header.fields.length;
  const n = row.fields.length;
  if (n === width || (n > width && row.fields.slice(width).every((f) => !f.trim()))) return;
  warnings.push({
    file,
    line: row.line,
    message: `row has ${n} field${n === 1 ? '' : 's'}, the header ${width}: read by position${n > width ? ', the extra fields ignored' : ', the missing ones empty'}`,
  });
}

function decisionOf(
  cell: (field: Field) => string,
  line: number,
  file: string,
  listStatus: DecisionStatus | undefined,
  warnings: ReadWarning[],
): Pending | undefined {
  let status: DecisionStatus | undefined;
  const label = cell('label');
  const fromLabel = labelValue(label);
  if (fromLabel) status = fromLabel;
  else if (fromLabel === undefined) {
    warnings.push({
      file,
      line,
      message: `label ${JSON.stringify(oneLine(label))} is not a decision (1/0, yes/no, include/exclude, maybe or empty): the row is read without one`,
    });
  }

  const notesCell = cell('notes');
  const rayyan = parseRayyanNotes(notesCell);
  if (rayyan && !status) {
    const verdict = rayyanDecision(rayyan);
    status = verdict.status;
    if (verdict.unknown.length) {
      warnings.push({
        file,
        line,
        message: `Rayyan verdict ${verdict.unknown.map((v) => JSON.stringify(v)).join(', ')} is not a decision`,
      });
    }
    if (verdict.conflict) {
      warnings.push({
        file,
        line,
        severity: 'info',
        message: `Rayyan reviewers disagree (${rayyan.verdicts.map(([who, v]) => `${who}: ${v}`).join(', ')}): read as maybe`,
      });
    }
  }
  status ??= listStatus;
  if (!status) return undefined;

  const decision: Pending = { status, file, line };
  const reason = oneLine(cell('reason')) || rayyan?.reasons.join(', ');
  if (reason && status === 'exclude') decision.reason = reason;
  const note = rayyan ? rayyan.notes.join('\n') : textIn(notesCell);
  if (note) decision.note = note;
  const tags = [...new Set([...(rayyan?.labels ?? []), ...listIn(cell('tags'))])];
  if (tags.length) decision.tags = tags;
  return decision;
}

/** Each decision under the id of the paper its row was merged into; one decision per paper. */
function survivingDecisions(
  papers: readonly Paper[],
  pending: readonly [string, Pending][],
  warnings: ReadWarning[],
): FileDecision[] {
  const survivor = new Map<string, string>();
  for (const p of papers) {
    survivor.set(p.id, p.id);
    for (const alias of p.aliases ?? []) survivor.set(alias, p.id);
  }
  const byPaper = new Map<string, FileDecision | 'conflict'>();
  for (const [recordId, d] of pending) {
    const paperId = survivor.get(recordId) ?? recordId;
    const before = byPaper.get(paperId);
    if (before === undefined) byPaper.set(paperId, { paperId, ...d });
    else if (before !== 'conflict' && before.status !== d.status) {
      byPaper.set(paperId, 'conflict');
      warnings.push({
        file: d.file,
        line: before.line,
        message: `rows at lines ${before.line} and ${d.line} are the same paper with different decisions (${before.status}, ${d.status}): neither is taken`,
      });
    }
  }
  return [...byPaper.values()].filter((d): d is FileDecision => d !== 'conflict');
}
