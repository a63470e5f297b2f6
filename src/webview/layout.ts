import type { VscodeBadge } from '@vscode-elements/elements/dist/vscode-badge/vscode-badge.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { TriageStatus } from '../core/triage';
import { el } from './dom';

/** The parts of the page that change from paper to paper. */
export interface ReaderLayout {
  root: HTMLElement;
  empty: HTMLElement;
  paper: HTMLElement;
  previous: VscodeButton;
  next: VscodeButton;
  search: VscodeButton;
  position: HTMLElement;
  title: HTMLHeadingElement;
  byline: HTMLElement;
  /** "3 inclusion terms, 1 exclusion term" (hidden when no highlight terms are set). */
  termCounts: HTMLElement;
  topic: HTMLElement;
  suggestion: HTMLElement;
  suggestionLabel: HTMLElement;
  status: VscodeBadge;
  stage: HTMLElement;
  reason: HTMLElement;
  reasonLabel: HTMLElement;
  titleAbstractStatus: HTMLElement;
  titleAbstractStatusLabel: HTMLElement;
  /** Team screening, revealed: each reviewer's decision, and the team's final decision. */
  reviewers: HTMLUListElement;
  reviewersLabel: HTMLElement;
  finalDecision: HTMLElement;
  finalDecisionLabel: HTMLElement;
  /** The criteria (`literatureTriage.criteria`), collapsible; hidden when none are set. */
  criteria: HTMLDetailsElement;
  criteriaBody: HTMLElement;
  /** One button per exclusion reason (the first nine with their key), and "Other reason…" (x). */
  reasons: HTMLElement;
  otherReason: VscodeButton;
  /** The keys of the reader, with the reasons' keys. */
  keys: HTMLElement;
  decisions: Map<Exclude<TriageStatus, 'untriaged'>, VscodeButton>;
  tags: HTMLUListElement;
  tagForm: HTMLFormElement;
  tagInput: VscodeTextfield;
  abstract: HTMLElement;
  linksSection: HTMLElement;
  links: HTMLUListElement;
  note: VscodeTextarea;
  noteState: HTMLElement;
  similarSection: HTMLElement;
  similar: HTMLUListElement;
  announcer: HTMLElement;
}

export const DECISIONS: readonly {
  status: Exclude<TriageStatus, 'untriaged'>;
  label: string;
  key: string;
}[] = [
  { status: 'include', label: 'Include', key: 'i' },
  { status: 'maybe', label: 'Maybe', key: 'm' },
  { status: 'exclude', label: 'Exclude', key: 'x' },
];

function button(label: string, ariaLabel: string): VscodeButton {
  const node = el('vscode-button', { text: label, attributes: { 'aria-label': ariaLabel } });
  node.secondary = true;
  return node;
}

function section(id: string, heading: string, ...content: Node[]): HTMLElement {
  return el(
    'section',
    { className: `section section-${id}`, attributes: { 'aria-labelledby': `${id}-heading` } },
    el('h2', { text: heading, attributes: { id: `${id}-heading` } }),
    ...content,
  );
}

/** Builds the page once; rendering a paper only fills these elements, so focus and scroll survive updates. */
export function buildLayout(container: HTMLElement): ReaderLayout {
  const previous = button('Previous', 'Previous paper (k)');
  const next = button('Next', 'Next paper (j)');
  const search = button('Search', 'Search papers (/)');
  const position = el('span', { className: 'position' });
  const nav = el(
    'nav',
    { className: 'toolbar', attributes: { 'aria-label': 'Paper navigation' } },
    previous,
    position,
    next,
    search,
  );

  const title = el('h1', { className: 'paper-title', attributes: { id: 'paper-title', tabindex: '-1' } });
  const byline = el('p', { className: 'byline' });
  const termCounts = el('p', { className: 'term-counts' });
  const topic = el('dd', { className: 'topic' });
  const status = el('vscode-badge', { className: 'status' });
  const stage = el('dd', { className: 'stage' });
  const reason = el('dd', { className: 'reason' });
  const reasonLabel = el('dt', { text: 'Reason' });
  const titleAbstractStatus = el('dd', { className: 'title-abstract-status' });
  const titleAbstractStatusLabel = el('dt', { text: 'Title/abstract' });
  const reviewers = el('ul', { className: 'reviewers' });
  const reviewersDd = el('dd', {}, reviewers);
  const reviewersLabel = el('dt', { text: 'Reviewers' });
  const finalDecision = el('dd', { className: 'final-decision' });
  const finalDecisionLabel = el('dt', { text: 'Final' });
  const suggestion = el('dd', { className: 'suggestion' });
  const suggestionLabel = el('dt', { text: 'Suggested because' });
  const facts = el(
    'dl',
    { className: 'facts' },
    el('dt', { text: 'Topic' }),
    topic,
    el('dt', { text: 'Stage' }),
    stage,
    el('dt', { text: 'Status' }),
    el('dd', {}, status),
    reasonLabel,
    reason,
    titleAbstractStatusLabel,
    titleAbstractStatus,
    reviewersLabel,
    reviewersDd,
    finalDecisionLabel,
    finalDecision,
    suggestionLabel,
    suggestion,
  );

  const decisions = new Map<Exclude<TriageStatus, 'untriaged'>, VscodeButton>();
  const decisionGroup = el('div', {
    className: 'decisions',
    attributes: { role: 'group', 'aria-label': 'Decision' },
  });
  for (const { status: value, label, key } of DECISIONS) {
    const node = button(label, `${label} (${key})`);
    node.dataset.status = value;
    decisions.set(value, node);
    decisionGroup.append(node);
  }

  const otherReason = button('Other reason…', 'Exclude with a reason picked or typed (x)');
  const reasons = el('div', {
    className: 'reasons',
    attributes: { role: 'group', 'aria-label': 'Exclude with a reason' },
  });
  const keys = el('p', { className: 'keys' });

  const criteriaBody = el('div', { className: 'criteria-body' });
  const criteria = el(
    'details',
    { className: 'criteria', attributes: { open: '' } },
    el('summary', { text: 'Criteria' }),
    criteriaBody,
  );

  const tags = el('ul', { className: 'tag-list', attributes: { 'aria-label': 'Tags of this paper' } });
  const tagInput = el('vscode-textfield', { className: 'tag-input', attributes: { placeholder: 'New tag' } });
  tagInput.label = 'New tag';
  const addTag = button('Add tag', 'Add tag');
  addTag.type = 'submit';
  const tagForm = el('form', { className: 'tag-form' }, tagInput, addTag);

  const abstract = el('div', { className: 'paper-abstract' });
  const links = el('ul', { className: 'link-list' });
  const linksSection = section('links', 'Links', links);

  const note = el('vscode-textarea', { className: 'note', attributes: { rows: '5', resize: 'vertical' } });
  note.label = 'Note';
  note.placeholder = 'Your notes on this paper; saved as you type';
  const noteState = el('p', { className: 'note-state', attributes: { 'aria-live': 'polite' } });

  const similar = el('ul', { className: 'similar-list' });
  const similarSection = el(
    'aside',
    { className: 'section section-similar', attributes: { 'aria-labelledby': 'similar-heading' } },
    el('h2', { text: 'Similar papers', attributes: { id: 'similar-heading' } }),
    similar,
  );

  const paper = el(
    'div',
    { className: 'paper' },
    nav,
    criteria,
    el(
      'main',
      { attributes: { 'aria-labelledby': 'paper-title' } },
      el(
        'article',
        {},
        el('header', {}, title, byline, termCounts, facts),
        section('decision', 'Decision', decisionGroup, reasons, keys),
        section('tags', 'Tags', tags, tagForm),
        section('abstract', 'Abstract', abstract),
        linksSection,
        section('note', 'Note', note, noteState),
      ),
    ),
    similarSection,
  );
  const empty = el('main', { className: 'empty' }, el('p', { text: '' }));
  const announcer = el('div', {
    className: 'visually-hidden',
    attributes: { role: 'status', 'aria-live': 'polite', id: 'announcer' },
  });
  container.replaceChildren(empty, paper, announcer);
  paper.hidden = true;
  return {
    root: container,
    empty,
    paper,
    previous,
    next,
    search,
    position,
    title,
    byline,
    termCounts,
    topic,
    status,
    stage,
    reason,
    reasonLabel,
    titleAbstractStatus,
    titleAbstractStatusLabel,
    reviewers,
    reviewersLabel,
    finalDecision,
    finalDecisionLabel,
    criteria,
    criteriaBody,
    reasons,
    otherReason,
    keys,
    suggestion,
    suggestionLabel,
    decisions,
    tags,
    tagForm,
    tagInput,
    abstract,
    linksSection,
    links,
    note,
    noteState,
    similarSection,
    similar,
    announcer,
  };
}
