import '@vscode-elements/elements/dist/vscode-button/index.js';
import './progress.css';
import { el } from './dom';
import type { ProgressHostMessage, ProgressView, ProgressWebviewMessage } from './progressProtocol';
import { gainChart } from './gainChart';

interface VsCodeApi {
  postMessage(message: ProgressWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') ?? document.body;

const verdict = el('p', { className: 'verdict', attributes: { role: 'status', 'aria-live': 'polite' } });
const explanation = el('p', { className: 'explanation' });
const counts = el('dl', { className: 'counts' });
const chart = el('div', { className: 'chart' });
const next = el('vscode-button', { text: 'Screen Next Paper', attributes: { secondary: '' } });
next.addEventListener('click', () => vscode.postMessage({ type: 'screenNext' }));
const legend = el(
  'p',
  { className: 'chart-legend', attributes: { 'aria-hidden': 'true' } },
  el(
    'span',
    { className: 'legend-item' },
    el('span', { className: 'swatch gain-swatch' }),
    el('span', { text: 'your screening, in decision order' }),
  ),
  el(
    'span',
    { className: 'legend-item' },
    el('span', { className: 'swatch random-swatch' }),
    el('span', { text: 'random order' }),
  ),
);
app.append(verdict, explanation, counts, chart, legend, el('div', { className: 'actions' }, next));

function count(label: string, value: number): Node[] {
  return [el('dt', { text: label }), el('dd', { text: value.toLocaleString('en-US') })];
}

function show(progress: ProgressView): void {
  verdict.textContent = progress.verdict;
  verdict.classList.toggle('may-stop', progress.stop);
  explanation.textContent = progress.explanation;
  counts.replaceChildren(
    ...count('Screened', progress.screened),
    ...count('Included', progress.included),
    ...count('Since the last inclusion', progress.sinceLastInclusion),
    ...count('Not yet screened', progress.total - progress.screened),
  );
  chart.replaceChildren(gainChart(progress));
  next.hidden = progress.screened >= progress.total;
}

window.addEventListener('message', (event: MessageEvent<ProgressHostMessage>) => {
  if (event.data.type === 'progress') show(event.data.progress);
});

verdict.textContent = 'Loading the papers…';
vscode.postMessage({ type: 'ready' });
