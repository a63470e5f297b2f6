import type { AgreementTable, ReviewerProblem, StageAgreement } from '../../core/team';
import { escapeHtml as escape, staticPageHtml } from '../shared/staticPage';

const STAGE_NAMES = { titleAbstract: 'Title/abstract', fullText: 'Full text' } as const;

/** The Reviewer Agreement page: built here with no script, every value escaped, in the theme's colours. */
export function agreementHtml(
  stages: readonly StageAgreement[],
  problems: readonly ReviewerProblem[],
  blind: boolean,
): string {
  const body = blind
    ? `<p>Blind screening is on: agreement is shown once decisions are revealed (Reveal Decisions), so that no
reviewer sees another's decisions while screening.</p>`
    : stages.map(stageSection).join('\n');
  const problemList = problems.length
    ? `<h2>Files not read</h2><ul>${problems
        .map((p) => `<li><code>${escape(p.name)}</code>: ${escape(p.message)}</li>`)
        .join('')}</ul>`
    : '';
  return staticPageHtml({
    title: 'Reviewer Agreement',
    styles: `body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid var(--vscode-panel-border, currentColor); padding: 0.25em 0.75em; text-align: right; }
th { font-weight: 600; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dt { font-weight: 600; }
dd { margin: 0; font-variant-numeric: tabular-nums; }`,
    body: `<h1>Reviewer Agreement</h1>
${body}
${problemList}`,
  });
}

function stageSection(a: StageAgreement): string {
  const figures: [string, string][] = [
    ['Reviewers', a.reviewers.map(escape).join(', ')],
    ['Papers decided by all', String(a.papersCompared)],
    ['Percent agreement', a.percentAgreement === null ? 'undefined' : `${a.percentAgreement.toFixed(1)} %`],
  ];
  if (a.reviewers.length === 2) figures.push(["Cohen's κ", number(a.cohenKappa)]);
  figures.push(["Fleiss' κ", number(a.fleissKappa)], ['PABAK', number(a.pabak)]);
  const tables = a.table ? [a.table] : a.pairs.map((p) => p.table);
  return `<section aria-label="${STAGE_NAMES[a.stage]}">
<h2>${STAGE_NAMES[a.stage]}</h2>
<dl>${figures.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${tables.map(tableHtml).join('\n')}
</section>`;
}

function tableHtml(t: AgreementTable): string {
  const head = t.categories.map((c) => `<th scope="col">${c}</th>`).join('');
  const rows = t.categories
    .map((c, i) => `<tr><th scope="row">${c}</th>${t.counts[i]!.map((n) => `<td>${n}</td>`).join('')}</tr>`)
    .join('');
  return `<table>
<caption>Rows: ${escape(t.rows)}; columns: ${escape(t.columns)}</caption>
<thead><tr><th></th>${head}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function number(value: number | null): string {
  return value === null ? 'undefined' : value.toFixed(3);
}
