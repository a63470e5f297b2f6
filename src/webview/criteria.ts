import { parseCriteria, type CriteriaBlock, type CriteriaInline } from '../core/review/criteriaMarkdown';
import { el } from './dom';
import { visibleText } from './visibleText';

/** The criteria Markdown as DOM nodes: elements we choose, their text set as text (see criteriaMarkdown.ts). */
export function criteriaNodes(markdown: string): Node[] {
  return parseCriteria(markdown).map(block);
}

function block(node: CriteriaBlock): Node {
  switch (node.kind) {
    case 'heading':
      // The reader's own headings are h1 (the title) and h2 (sections): criteria headings sit below them.
      return el(
        `h${Math.min(6, node.level + 2)}` as 'h3',
        { className: 'criteria-heading' },
        ...inline(node.content),
      );
    case 'paragraph':
      return el('p', {}, ...inline(node.content));
    case 'list': {
      const items = node.items.map((item) => el('li', {}, ...item.map(block)));
      if (!node.ordered) return el('ul', {}, ...items);
      return el('ol', node.start === 1 ? {} : { attributes: { start: String(node.start) } }, ...items);
    }
  }
}

function inline(nodes: readonly CriteriaInline[]): Node[] {
  return nodes.map((node) => {
    switch (node.kind) {
      case 'text':
        return document.createTextNode(visibleText(node.text));
      case 'code':
        return el('code', { text: node.text });
      case 'strong':
        return el('strong', {}, ...inline(node.children));
      case 'em':
        return el('em', {}, ...inline(node.children));
      case 'link':
        // Not followed from here: the address is shown on hover.
        return el(
          'span',
          { className: 'criteria-link', attributes: { title: node.url } },
          ...inline(node.children),
        );
    }
  });
}
