import type { ReaderLayout } from './layout';
import type { PaperView } from './protocol';
import { el, fillMarked } from './dom';
import { criteriaNodes } from './criteria';
import { paragraphs } from './textSegments';
import { visibleText } from './visibleText';

/**
 * Fills the page with one paper. Every paper string reaches the DOM through textContent or an attribute value,
 * as visibleText.
 */
export function renderPaper(layout: ReaderLayout, paper: PaperView): void {
  layout.empty.hidden = true;
  layout.paper.hidden = false;
  layout.paper.dataset.paperId = paper.id;

  layout.position.textContent = paper.position
    ? `${paper.position.index} of ${paper.position.total}`
    : 'Not in the list';
  layout.previous.disabled = paper.position !== undefined && paper.position.index <= 1;
  layout.next.disabled = paper.position !== undefined && paper.position.index >= paper.position.total;

  const titleRanges = paper.highlights.filter((r) => r.field === 'title');
  fillMarked(layout.title, paper.title, titleRanges);
  document.title = visibleText(paper.title);
  layout.byline.textContent = visibleText(
    [paper.authors.join(', '), paper.year?.toString(), paper.venue].filter((part) => part).join(' · '),
  );
  layout.byline.hidden = layout.byline.textContent === '';
  layout.termCounts.textContent = visibleText(paper.termCounts ?? '');
  layout.termCounts.hidden = !paper.termCounts;
  layout.topic.textContent = visibleText(paper.topic ?? 'No topic');
  const because = paper.suggestedBecause ?? [];
  layout.suggestion.textContent = visibleText(because.join(', '));
  layout.suggestion.hidden = layout.suggestionLabel.hidden = because.length === 0;
  layout.status.textContent = paper.statusLabel;
  layout.status.dataset.status = paper.status;
  layout.stage.textContent = paper.stageLabel;
  layout.reason.textContent = visibleText(paper.reason ?? '');
  layout.reason.hidden = layout.reasonLabel.hidden = !paper.reason;
  layout.titleAbstractStatus.textContent = paper.titleAbstractStatusLabel ?? '';
  layout.titleAbstractStatus.hidden = layout.titleAbstractStatusLabel.hidden =
    paper.titleAbstractStatusLabel === undefined;
  for (const [status, node] of layout.decisions) {
    // The paper's decision is the one primary button; the others are secondary.
    node.secondary = status !== paper.status;
    node.setAttribute('aria-pressed', String(status === paper.status));
  }

  renderTeam(layout, paper);
  renderCriteria(layout, paper);
  renderReasons(layout, paper);
  renderTags(layout, paper);
  renderAbstract(layout, paper);
  renderLinks(layout, paper);
  renderSimilar(layout, paper);
}

/** Each reviewer's decision (reason, note) and the final decision; nothing while blind. */
function renderTeam(layout: ReaderLayout, paper: PaperView): void {
  const team = paper.team;
  const hidden = !team || team.reviewers.length === 0;
  layout.reviewers.parentElement!.hidden = layout.reviewersLabel.hidden = hidden;
  layout.finalDecision.hidden = layout.finalDecisionLabel.hidden = !team;
  layout.reviewers.replaceChildren(
    ...(team?.reviewers ?? []).map((r) => {
      const parts = [r.statusLabel, r.reason, r.note].filter((part) => part);
      const item = el('li', {
        text: visibleText(`${r.reviewer}${r.you ? ' (you)' : ''}: ${parts.join(' · ')}`),
      });
      item.dataset.status = r.status;
      return item;
    }),
  );
  layout.finalDecision.textContent = visibleText(team?.finalLabel ?? '');
  layout.finalDecision.classList.toggle('conflict', team?.conflict === true);
}

/** The criteria are rebuilt only when they change, so the panel keeps its scroll and focus across papers. */
function renderCriteria(layout: ReaderLayout, paper: PaperView): void {
  const markdown = paper.criteria ?? '';
  layout.criteria.hidden = markdown === '';
  if (layout.criteria.dataset.markdown !== markdown) {
    layout.criteria.dataset.markdown = markdown;
    layout.criteriaBody.replaceChildren(...criteriaNodes(markdown));
  }
  // Set without a toggle event of ours: the host's memory of open/closed is the truth.
  if (layout.criteria.open !== paper.criteriaOpen) {
    layout.criteria.dataset.settingOpen = 'true';
    layout.criteria.open = paper.criteriaOpen;
  }
}

/** A button per reason (its key for the first nine), "Other reason…", and the key legend. */
function renderReasons(layout: ReaderLayout, paper: PaperView): void {
  const buttons = paper.exclusionReasons.map((reason, i) => {
    const key = i < 9 ? `${i + 1}` : undefined;
    const node = el('vscode-button', {
      text: key ? `${key} · ${reason}` : reason,
      attributes: { 'aria-label': key ? `Exclude: ${reason} (${key})` : `Exclude: ${reason}` },
    });
    node.secondary = paper.reason !== reason;
    node.setAttribute('aria-pressed', String(paper.reason === reason));
    node.dataset.reasonNumber = String(i + 1);
    return node;
  });
  layout.reasons.replaceChildren(...buttons, layout.otherReason);
  layout.reasons.hidden = paper.exclusionReasons.length === 0 && !paper.reasonRequired;
  const count = Math.min(9, paper.exclusionReasons.length);
  const exclude =
    paper.exclusionReasons.length || paper.reasonRequired ? 'x exclude with a reason' : 'x exclude';
  layout.keys.textContent = [
    'Keys: i include',
    'm maybe',
    exclude,
    ...(count ? [count === 1 ? '1 exclude: the reason above' : `1–${count} exclude with that reason`] : []),
    'j / k next / previous',
    't tag',
    'u undo',
    '/ search',
  ].join(' · ');
}

function renderTags(layout: ReaderLayout, paper: PaperView): void {
  layout.tags.replaceChildren(
    ...paper.tags.map((tag) => {
      const remove = el('vscode-button', { text: '×', attributes: { 'aria-label': `Remove tag ${tag}` } });
      remove.secondary = true;
      remove.dataset.removeTag = tag;
      return el('li', { className: 'tag' }, el('span', { className: 'tag-name', text: tag }), remove);
    }),
  );
  if (paper.tags.length === 0) layout.tags.append(el('li', { className: 'none', text: 'No tags yet' }));
}

function renderAbstract(layout: ReaderLayout, paper: PaperView): void {
  const ranges = paper.highlights.filter((r) => r.field === 'abstract');
  const blocks = paragraphs(paper.abstract).map((paragraph) => {
    const node = el('p');
    fillMarked(node, paragraph.text, ranges, paragraph.offset);
    return node;
  });
  layout.abstract.replaceChildren(
    ...(blocks.length ? blocks : [el('p', { className: 'none', text: 'No abstract.' })]),
  );
}

function renderLinks(layout: ReaderLayout, paper: PaperView): void {
  layout.linksSection.hidden = paper.links.length === 0;
  layout.links.replaceChildren(
    ...paper.links.map((url) => {
      const open = el('button', { className: 'link', text: url, attributes: { type: 'button', title: url } });
      open.dataset.url = url;
      return el('li', {}, open);
    }),
  );
}

function renderSimilar(layout: ReaderLayout, paper: PaperView): void {
  layout.similarSection.hidden = paper.similar.length === 0;
  layout.similar.replaceChildren(
    ...paper.similar.map((other) => {
      const open = el('button', { className: 'link', text: other.title, attributes: { type: 'button' } });
      open.dataset.paperId = other.id;
      const status = el('span', { className: 'similar-status', text: other.statusLabel });
      status.dataset.status = other.status;
      return el('li', {}, open, status);
    }),
  );
}

export function renderEmpty(layout: ReaderLayout, message: string): void {
  layout.paper.hidden = true;
  layout.empty.hidden = false;
  layout.empty.replaceChildren(el('p', { text: message }));
  document.title = 'Paper';
}
