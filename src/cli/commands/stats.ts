import { TRIAGE_STATUSES, triageOf, type TriageState, type TriageStatus } from '../../core/triage';
import type { LoadedCorpora } from '../corpora';
import { field, json, type Io } from '../output';

/** `litriage stats`: corpus size, per-file counts, triage progress, warnings. */
export function statsCommand(
  corpora: LoadedCorpora,
  state: TriageState,
  options: { json: boolean },
  io: Io,
): number {
  const byStatus = Object.fromEntries(TRIAGE_STATUSES.map((s) => [s, 0])) as Record<TriageStatus, number>;
  const tags = new Map<string, number>();
  for (const paper of corpora.papers) {
    const triage = triageOf(state, paper);
    byStatus[triage.status]++;
    for (const tag of triage.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const perFile = new Map<string, number>();
  for (const paper of corpora.papers) {
    for (const file of new Set(paper.sources.map((s) => s.file)))
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const stats = {
    papers: corpora.papers.length,
    files: Object.fromEntries(perFile),
    status: byStatus,
    triaged: corpora.papers.length - byStatus.untriaged,
    tags: Object.fromEntries([...tags].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    warnings: corpora.warnings.length,
  };
  if (options.json) {
    io.data(json(stats));
    return 0;
  }
  io.out(
    `${stats.papers} papers, ${stats.triaged} triaged (${byStatus.include} include, ${byStatus.maybe} maybe, ${byStatus.exclude} exclude)`,
  );
  for (const [file, count] of perFile) io.out(`  ${field(file)}: ${count}`);
  if (tags.size) io.out(`tags: ${[...tags].map(([t, n]) => `${field(t)} (${n})`).join(', ')}`);
  if (stats.warnings) io.out(`${stats.warnings} reader warnings`);
  return 0;
}
