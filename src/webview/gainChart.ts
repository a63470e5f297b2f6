import type { ProgressView } from './progressProtocol';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 200;
const MARGIN = { left: 40, right: 10, top: 10, bottom: 34 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The gain curve: inclusions found (y) against papers screened (x, up to the whole corpus) in decision order,
 * beside the line random screening would follow on average if the corpus held only the inclusions found so
 * far (x · found / total; with more inclusions left, random screening would climb faster but still straight).
 * Colours are theme variables (progress.css), so every theme keeps it readable.
 */
export function gainChart(progress: ProgressView): SVGSVGElement {
  const { total, screened, included, inclusionsAt } = progress;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const yMax = Math.max(included, 1);
  const x = (papers: number): number => MARGIN.left + (total > 0 ? (papers / total) * plotWidth : 0);
  const y = (found: number): number => MARGIN.top + plotHeight - (found / yMax) * plotHeight;
  const label =
    `Gain curve: ${included} inclusions found in ${screened} papers screened of ${total}. ` +
    `Random screening would have found about ${((screened * included) / Math.max(total, 1)).toFixed(1)}.`;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': label,
    class: 'gain-chart',
  });

  // Axes with their end values.
  root.append(
    svg('line', { x1: x(0), y1: y(0), x2: x(total), y2: y(0), class: 'axis' }),
    svg('line', { x1: x(0), y1: y(0), x2: x(0), y2: y(yMax), class: 'axis' }),
    svg('text', { x: x(0), y: y(0) + 14, class: 'tick', 'text-anchor': 'start' }, '0'),
    svg('text', { x: x(total), y: y(0) + 14, class: 'tick', 'text-anchor': 'end' }, String(total)),
    svg('text', { x: x(0) - 4, y: y(yMax) + 4, class: 'tick', 'text-anchor': 'end' }, String(yMax)),
    svg('text', { x: x(0) - 4, y: y(0), class: 'tick', 'text-anchor': 'end' }, '0'),
    svg(
      'text',
      { x: x(total / 2), y: HEIGHT - 4, class: 'axis-label', 'text-anchor': 'middle' },
      'papers screened',
    ),
    svg(
      'text',
      {
        x: 10,
        y: y(yMax / 2),
        class: 'axis-label',
        'text-anchor': 'middle',
        transform: `rotate(-90 10 ${y(yMax / 2)})`,
      },
      'inclusions found',
    ),
  );

  // Random screening: a straight line to (total, found so far).
  root.append(svg('line', { x1: x(0), y1: y(0), x2: x(total), y2: y(included), class: 'random' }));

  // The gain curve as steps: flat between inclusions, one up at each.
  let path = `M ${x(0)} ${y(0)}`;
  inclusionsAt.forEach((at, i) => {
    path += ` H ${x(at - 1)} V ${y(i + 1)}`;
  });
  path += ` H ${x(screened)}`;
  root.append(svg('path', { d: path, class: 'gain' }));
  if (screened > 0) {
    root.append(svg('circle', { cx: x(screened), cy: y(included), r: 3, class: 'gain-end' }));
  }
  return root;
}
