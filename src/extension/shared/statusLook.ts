import { TRIAGE_STATUSES, type TriageStatus } from '../../core/triage';

/** A codicon, and the theme colour it is drawn in (none: the text colour). */
export interface IconLook {
  readonly id: string;
  readonly color?: string;
}

/**
 * How a triage status looks and reads wherever the extension shows one: tree rows and status groups, the
 * status bar, the search and citation pickers, bulk-edit messages and the reader. This is the only table of
 * these words and icons; it needs no editor API, so the benchmark and the reader's view builder use it as is.
 */
export interface StatusLook {
  /** The decision on its own: "Included". */
  readonly label: string;
  /** The decision inside a sentence: "2 included". */
  readonly word: string;
  /** What an edit of several papers to this status says before "N papers": "Included 3 papers". */
  readonly done: string;
  readonly icon: IconLook;
  /** Place among the Papers view's status groups: untriaged first, the work left to do. */
  readonly groupOrder: number;
  /** Place in the citation picker: included first, then maybe, untriaged and excluded. */
  readonly citeOrder: number;
}

const LOOKS: Readonly<Record<TriageStatus, StatusLook>> = {
  untriaged: {
    label: 'Untriaged',
    word: 'untriaged',
    done: 'Cleared the decision on',
    icon: { id: 'circle-large-outline' },
    groupOrder: 0,
    citeOrder: 2,
  },
  include: {
    label: 'Included',
    word: 'included',
    done: 'Included',
    icon: { id: 'pass', color: 'testing.iconPassed' },
    groupOrder: 1,
    citeOrder: 0,
  },
  maybe: {
    label: 'Maybe',
    word: 'maybe',
    done: 'Marked as maybe:',
    icon: { id: 'question', color: 'list.warningForeground' },
    groupOrder: 2,
    citeOrder: 1,
  },
  exclude: {
    label: 'Excluded',
    word: 'excluded',
    done: 'Excluded',
    icon: { id: 'circle-slash', color: 'errorForeground' },
    groupOrder: 3,
    citeOrder: 3,
  },
};

export function statusLook(status: TriageStatus): StatusLook {
  return LOOKS[status];
}

/** Every status, in the order of the Papers view's status groups. */
export const STATUSES_IN_GROUP_ORDER: readonly TriageStatus[] = [...TRIAGE_STATUSES].sort(
  (a, b) => LOOKS[a].groupOrder - LOOKS[b].groupOrder,
);

/** The decisions (every status but untriaged), in the same order. */
export const DECISIONS_IN_GROUP_ORDER: readonly Exclude<TriageStatus, 'untriaged'>[] =
  STATUSES_IN_GROUP_ORDER.filter((s): s is Exclude<TriageStatus, 'untriaged'> => s !== 'untriaged');

/** Orders statuses for citing: included first, excluded last. */
export function compareForCiting(a: TriageStatus, b: TriageStatus): number {
  return LOOKS[a].citeOrder - LOOKS[b].citeOrder;
}
