import type { HighlightRange } from './protocol';
import { highlightSegments } from './textSegments';
import { visibleText } from './visibleText';

interface ElementOptions {
  className?: string;
  /** Untrusted text is only ever set as textContent, never parsed as markup, and shown as visibleText. */
  text?: string;
  attributes?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = visibleText(options.text);
  for (const [name, value] of Object.entries(options.attributes ?? {}))
    node.setAttribute(name, visibleText(value));
  node.append(...children);
  return node;
}

/**
 * Fills `parent` with `text`: search matches in <mark>, highlight terms in a span whose class gives its style
 * (inclusion underlined, exclusion struck through in a box: told apart without colour too) and whose title and
 * hidden label name the term for screen readers. Text nodes only, no markup.
 */
export function fillMarked(
  parent: HTMLElement,
  text: string,
  ranges: readonly HighlightRange[],
  offset = 0,
): void {
  parent.replaceChildren(
    ...highlightSegments(text, ranges, offset).map((segment) => {
      const content: Node = segment.marked
        ? el('mark', { text: segment.text })
        : document.createTextNode(visibleText(segment.text));
      if (!segment.term) return content;
      const { kind, term } = segment.term;
      const label = `${kind === 'include' ? 'Inclusion' : 'Exclusion'} term ${term}`;
      const node = el('span', { className: `term term-${kind}`, attributes: { title: label } }, content);
      node.dataset.term = term;
      return node;
    }),
  );
}
