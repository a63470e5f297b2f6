import type { PaperSummary } from '../../worker/protocol';
import type { MatchRange } from '../../core/search';
import { displayText } from '../../core/text/displayText';
import type { PaperTriage, ReviewStage } from '../../core/triage';
import { reviewPlace } from '../../core/review/reviewPlace';
import { PLACE_LABELS } from '../shared/placeLook';
import { statusLook, type IconLook } from '../shared/statusLook';
import { inline, shownText, shownTextMapped, ui, uiLines, type UiText } from '../shared/uiText';
import { textStart } from '../../core/text/textStart';

const TOOLTIP_ABSTRACT_CHARS = 300;
const TOOLTIP_NOTE_CHARS = 120;
const TITLE_CHARS = 400;

/** What a paper row shows, before it becomes the editor's TreeItem (paperItem.ts). */
export interface PaperRow {
  readonly label: UiText;
  /** The title's matches, as [start, end) offsets into `label`. */
  readonly highlights: readonly [number, number][];
  /** The tags, if any. */
  readonly description: UiText | undefined;
  readonly icon: IconLook;
  /** What the row menus match on. */
  readonly contextValue: 'paper' | 'paper.tagged';
  /** Title and status line; the abstract's start joins it when the row is hovered (rowTooltip). */
  readonly tooltip: UiText;
  readonly accessibilityLabel: string;
}

/** A report sought that could not be retrieved: no decision, no report. */
const NOT_RETRIEVED_ICON: IconLook = { id: 'dash', color: 'list.warningForeground' };

/**
 * The icon and its words at `stage`: at full text a paper included at title/abstract shows its full-text
 * decision (or that it is to assess, or not retrieved); every other paper shows its title/abstract decision.
 */
function rowLook(triage: PaperTriage, stage: ReviewStage): { icon: IconLook; label: string } {
  if (stage !== 'fullText' || triage.status !== 'include') {
    const look = statusLook(triage.status);
    return { icon: look.icon, label: look.label };
  }
  const place = reviewPlace(triage);
  const icon =
    place === 'notRetrieved' ? NOT_RETRIEVED_ICON : statusLook(triage.fullText?.status ?? 'untriaged').icon;
  return { icon, label: PLACE_LABELS[place] };
}

/**
 * A paper row: status icon, title (matches highlighted while filtering), tags as description, and a
 * plain-text tooltip. Paper text is untrusted, so nothing here is markdown. No editor API, so the benchmark
 * times this very code.
 */
export function paperRow(
  paper: PaperSummary,
  triage: PaperTriage,
  matches?: readonly MatchRange[],
  stage: ReviewStage = 'titleAbstract',
): PaperRow {
  const raw = paper.title.trim() ? paper.title : '(untitled)';
  const shown = shownTextMapped(raw, TITLE_CHARS);
  const title = shown.text;
  const highlights = (matches ?? [])
    .filter((r) => r.field === 'title' && r.end <= raw.length && r.end > r.start)
    .map((r): [number, number] => [shown.at(r.start), shown.at(r.end - 1) + 1])
    .filter(([, end]) => end <= title.length);
  const look = rowLook(triage, stage);
  const tagged = triage.tags.length > 0;
  return {
    label: title,
    highlights,
    description: tagged ? shownText(triage.tags.join(', ')) : undefined,
    icon: look.icon,
    contextValue: tagged ? 'paper.tagged' : 'paper',
    tooltip: rowTooltip(title, triage, ''),
    accessibilityLabel: [title, look.label, tagged ? `tags: ${displayText(triage.tags.join(', '))}` : '']
      .filter(Boolean)
      .join(', '),
  };
}

/** A row's tooltip: the title, the status and tags, the start of the abstract (if given) and of the note. */
export function rowTooltip(title: UiText, triage: PaperTriage, abstract: string): UiText {
  const status = statusLook(triage.status).label;
  const lines = [title, triage.tags.length ? ui`${status} · ${triage.tags.join(', ')}` : ui`${status}`];
  lines.push(...reasonLines(triage));
  const start = textStart(abstract, TOOLTIP_ABSTRACT_CHARS);
  if (start) lines.push(ui``, shownText(start, TOOLTIP_ABSTRACT_CHARS + 10));
  if (triage.note)
    lines.push(
      ui``,
      ui`Note: ${inline(shownText(textStart(triage.note, TOOLTIP_NOTE_CHARS), TOOLTIP_NOTE_CHARS + 10))}`,
    );
  return uiLines(lines);
}

/** The exclusion reason, and the full-text decision with its reason once there is one. */
function reasonLines(triage: PaperTriage): UiText[] {
  const lines: UiText[] = [];
  if (triage.status === 'exclude' && triage.reason) lines.push(ui`Reason: ${triage.reason}`);
  const fullText = triage.fullText;
  if (fullText && fullText.status !== 'untriaged') {
    const label = statusLook(fullText.status).label;
    lines.push(
      fullText.status === 'exclude' && fullText.reason
        ? ui`Full text: ${label} · reason: ${fullText.reason}`
        : ui`Full text: ${label}`,
    );
  }
  return lines;
}
