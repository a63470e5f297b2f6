import type { PaperSummary } from '../../worker/protocol';
import type { Topic } from '../../core/topics';
import type { PaperTriage, TriageState, TriageStatus } from '../../core/triage';
import { REVIEW_PLACES, reviewPlace, type ReviewPlace } from '../../core/review/reviewPlace';
import { statusLook, STATUSES_IN_GROUP_ORDER } from '../shared/statusLook';
import { PLACE_LABELS } from '../shared/placeLook';

export type GroupBy = 'topic' | 'status' | 'stage' | 'tag';
export const GROUP_BY_MODES: readonly GroupBy[] = ['topic', 'status', 'stage', 'tag'];

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY_MODES as readonly string[]).includes(value);
}

/** One group of the tree before filtering: its papers in corpus order. */
export interface PaperGroup {
  /** Unique among the groups of one mode and stable across rebuilds (keeps expansion state). */
  readonly key: string;
  readonly label: string;
  readonly kind: 'topic' | 'userTopic' | 'status' | 'stage' | 'tag' | 'untagged' | 'missing' | 'conflicts';
  readonly status?: TriageStatus;
  /** For a `stage` group: where its papers are in the review. */
  readonly place?: ReviewPlace;
  readonly paperIds: readonly string[];
}

interface GroupingInput {
  readonly papers: readonly PaperSummary[];
  readonly statusOf: (paper: PaperSummary) => TriageStatus;
  /** Both stages' decisions (grouping by stage); without it every paper is to screen. */
  readonly reviewOf?: (paper: PaperSummary) => Pick<PaperTriage, 'status' | 'fullText'>;
  readonly tagsOf: (paper: PaperSummary) => readonly string[];
  readonly topics: () => readonly Topic[];
  /** Papers the state file holds decisions, tags or notes for that no corpus file has now. */
  readonly missing?: readonly PaperSummary[];
}

/** Splits the papers into the groups of `mode`, in display order. Groups may be empty; the view hides them. */
export function groupPapers(mode: GroupBy, input: GroupingInput): PaperGroup[] {
  const groups = groupsOf(mode, input);
  const missing = input.missing ?? [];
  if (missing.length)
    groups.push({
      key: 'missing',
      label: MISSING_LABEL,
      kind: 'missing',
      paperIds: missing.map((p) => p.id),
    });
  return groups;
}

function groupsOf(mode: GroupBy, input: GroupingInput): PaperGroup[] {
  switch (mode) {
    case 'topic':
      return byTopic(input);
    case 'status':
      return byStatus(input);
    case 'stage':
      return byStage(input);
    case 'tag':
      return byTag(input);
  }
}

export const MISSING_LABEL = 'Missing from corpora';

/**
 * The state file's papers that no loaded paper is (by id or by an alias), as summaries made from what the state
 * file kept (its title), sorted by title. Their decisions stay in the state file: a corpus file that comes back,
 * or is fixed, shows them again where they were.
 */
export function missingPapers(papers: readonly PaperSummary[], state: TriageState): PaperSummary[] {
  if (state.papers.size === 0) return [];
  const known = new Set<string>();
  for (const paper of papers) {
    known.add(paper.id);
    for (const alias of paper.aliases ?? []) known.add(alias);
  }
  const missing: PaperSummary[] = [];
  for (const [id, entry] of state.papers) if (!known.has(id)) missing.push({ id, title: entry.title || id });
  return missing.sort(
    (a, b) => compareCodeUnits(a.title.toLowerCase(), b.title.toLowerCase()) || compareCodeUnits(a.id, b.id),
  );
}

function byTopic({ papers, topics }: GroupingInput): PaperGroup[] {
  const known = new Set(papers.map((p) => p.id));
  const placed = new Set<string>();
  const groups: PaperGroup[] = topics().map((topic) => {
    const members = new Set(topic.paperIds.filter((id) => known.has(id)));
    for (const id of members) placed.add(id);
    return {
      key: topic.id,
      label: topic.label,
      kind: topic.user ? 'userTopic' : 'topic',
      // Topics list ids in their own order; the tree lists a group's papers in corpus order like every other mode.
      paperIds: inCorpusOrder(papers, members),
    };
  });
  // Papers whose topics are still being found (a new corpus, an added file) are listed, never hidden.
  const pending = papers.filter((p) => !placed.has(p.id)).map((p) => p.id);
  if (pending.length)
    groups.push({ key: 'topic:pending', label: PENDING_TOPIC_LABEL, kind: 'topic', paperIds: pending });
  return groups;
}

const PENDING_TOPIC_LABEL = 'Finding topics…';

/** Untriaged first: that is the work left to do. */
function byStatus({ papers, statusOf }: GroupingInput): PaperGroup[] {
  const ids = new Map<TriageStatus, string[]>(STATUSES_IN_GROUP_ORDER.map((s) => [s, []]));
  for (const paper of papers) ids.get(statusOf(paper))!.push(paper.id);
  return STATUSES_IN_GROUP_ORDER.map((status) => ({
    key: status,
    label: statusLook(status).label,
    kind: 'status',
    status,
    paperIds: ids.get(status)!,
  }));
}

/** Each stage's places, its work left first: a paper included at title/abstract is at the full-text stage. */
function byStage({ papers, reviewOf }: GroupingInput): PaperGroup[] {
  const ids = new Map<ReviewPlace, string[]>(REVIEW_PLACES.map((p) => [p, []]));
  for (const paper of papers) ids.get(reviewPlace(reviewOf?.(paper)))!.push(paper.id);
  return REVIEW_PLACES.map((place) => ({
    key: `stage:${place}`,
    label: PLACE_LABELS[place],
    kind: 'stage',
    place,
    paperIds: ids.get(place)!,
  }));
}

/** One group per tag (a paper with two tags is in both), then the untagged papers. */
function byTag({ papers, tagsOf }: GroupingInput): PaperGroup[] {
  const byTagName = new Map<string, string[]>();
  const untagged: string[] = [];
  for (const paper of papers) {
    const tags = tagsOf(paper);
    if (tags.length === 0) untagged.push(paper.id);
    for (const tag of tags) {
      const list = byTagName.get(tag);
      if (list) list.push(paper.id);
      else byTagName.set(tag, [paper.id]);
    }
  }
  const groups: PaperGroup[] = [...byTagName.keys()]
    .sort((a, b) => compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b))
    .map((tag) => ({ key: `tag:${tag}`, label: tag, kind: 'tag', paperIds: byTagName.get(tag)! }));
  groups.push({ key: 'untagged', label: 'Untagged', kind: 'untagged', paperIds: untagged });
  return groups;
}

function inCorpusOrder(papers: readonly PaperSummary[], members: ReadonlySet<string>): string[] {
  return papers.filter((p) => members.has(p.id)).map((p) => p.id);
}

/** Code-unit order: the same in every locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
