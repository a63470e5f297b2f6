import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { agreementAt, checkReviewerId, type ReviewerDecisions, type StageAgreement } from '../../core/team';
import { parseDocument, type ReviewStage } from '../../core/triage';
import { CliError } from '../corpora';
import { field, json, type Io } from '../output';

/**
 * `litriage agreement --state A.json --state B.json`: how far the reviewers of those files agree, at
 * title/abstract and (when any file records it) at full text. A reviewer file names its reviewer; a plain
 * state file is the reviewer its file name says.
 */
export async function agreementCommand(
  paths: readonly string[],
  options: { json: boolean },
  io: Io,
): Promise<number> {
  if (paths.length < 2) throw new CliError('agreement needs two or more --state files, one per reviewer');
  const reviewers: ReviewerDecisions[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const reviewer = await readReviewer(path);
    const earlier = seen.get(reviewer.reviewer);
    if (earlier !== undefined) {
      throw new CliError(
        `${path}: reviewer "${reviewer.reviewer}" is also ${earlier}; give each reviewer once`,
      );
    }
    seen.set(reviewer.reviewer, path);
    reviewers.push(reviewer);
  }
  const titleAbstract = agreementAt(reviewers, 'titleAbstract');
  const fullText = reviewers.some((r) => [...r.state.papers.values()].some((t) => t.fullText?.status))
    ? agreementAt(reviewers, 'fullText')
    : null;
  if (options.json) {
    io.data(json({ ...jsonOf(titleAbstract), full_text: fullText && jsonOf(fullText) }));
    return 0;
  }
  for (const line of textOf(titleAbstract)) io.out(line);
  if (fullText) for (const line of ['', ...textOf(fullText)]) io.out(line);
  return 0;
}

async function readReviewer(path: string): Promise<ReviewerDecisions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let document;
  try {
    document = parseDocument(text);
  } catch (error) {
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const check = checkReviewerId(document.reviewer ?? basename(path).replace(/\.json$/i, ''));
  if ('problem' in check) throw new CliError(`${path}: ${check.problem}`);
  return { reviewer: check.id, state: document.state };
}

const round = (value: number | null, digits = 4) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function jsonOf(a: StageAgreement): Record<string, unknown> {
  return {
    stage: a.stage,
    reviewers: a.reviewers,
    papers_compared: a.papersCompared,
    categories: a.categories,
    percent_agreement: round(a.percentAgreement, 2),
    cohen_kappa: round(a.cohenKappa),
    fleiss_kappa: round(a.fleissKappa),
    pabak: round(a.pabak),
    table: a.table,
    pairs: a.pairs.map((p) => ({
      reviewers: p.reviewers,
      papers_compared: p.papersCompared,
      percent_agreement: round(p.percentAgreement, 2),
      cohen_kappa: round(p.cohenKappa),
      pabak: round(p.pabak),
      table: p.table,
    })),
  };
}

const STAGE_NAMES: Record<ReviewStage, string> = { titleAbstract: 'Title/abstract', fullText: 'Full text' };

function textOf(a: StageAgreement): string[] {
  const shown = (value: number | null, digits = 3) => (value === null ? 'undefined' : value.toFixed(digits));
  const lines = [
    `${STAGE_NAMES[a.stage]}: ${a.reviewers.map(field).join(', ')}; ${a.papersCompared} papers decided by all`,
    `  agreement ${a.percentAgreement === null ? 'undefined' : `${a.percentAgreement.toFixed(1)} %`}`,
  ];
  if (a.reviewers.length === 2) lines.push(`  Cohen's κ ${shown(a.cohenKappa)}`);
  lines.push(`  Fleiss' κ ${shown(a.fleissKappa)}`, `  PABAK ${shown(a.pabak)}`);
  if (a.table) lines.push(...tableLines(a.table.rows, a.table.columns, a.table.categories, a.table.counts));
  else {
    for (const p of a.pairs) {
      lines.push(
        `  ${field(p.reviewers[0])} × ${field(p.reviewers[1])}: ${p.papersCompared} papers, Cohen's κ ${shown(p.cohenKappa)}`,
      );
    }
  }
  return lines;
}

function tableLines(
  rows: string,
  columns: string,
  categories: readonly string[],
  counts: readonly (readonly number[])[],
): string[] {
  const width =
    Math.max(...categories.map((c) => c.length), ...counts.flat().map((n) => String(n).length)) + 2;
  const cell = (text: string) => text.padStart(width);
  return [
    `  rows: ${field(rows)}, columns: ${field(columns)}`,
    `  ${' '.repeat(width)}${categories.map(cell).join('')}`,
    ...categories.map((c, i) => `  ${cell(c)}${counts[i]!.map((n) => cell(String(n))).join('')}`),
  ];
}
