import * as vscode from 'vscode';
import { createPick } from '../shared/pickers';
import { ui } from '../shared/uiText';
import type { FeatureContext } from '../featureContext';
import type { ReaderHost } from '../reader';
import type { PapersView } from '../tree';
import { keepItemOrder } from '../shared/quickPickOrder';
import { statusIcon } from '../shared/statusIcon';
import { decideAt } from '../shared/triageEdits';
import { statusAt } from '../../core/triage';
import { COMMANDS } from '../commands';
import { RequestCancelled } from '../library';
import {
  describeTriage,
  isPaperItem,
  searchItems,
  startItems,
  type DecisionButton,
  type PaperPickItem,
  type SearchEntry,
} from './searchItems';

const TYPING_DEBOUNCE_MS = 60;

/**
 * One "Search Papers" quick pick: results follow the typing (debounced; a result computed for an older text
 * is dropped), Enter opens the paper in the reader with the query highlighted, and the row buttons decide
 * without leaving the picker.
 */
export class SearchSession implements vscode.Disposable {
  readonly picker = createPick<SearchEntry>();
  /** The text the shown items were computed for. */
  private shownQuery = '';
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  private renders = 0;
  private shownRender = 0;
  private readonly hidden = new vscode.EventEmitter<void>();
  readonly onDidHide = this.hidden.event;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly reader: ReaderHost,
    private readonly view: PapersView,
    initialQuery = '',
  ) {
    const picker = this.picker;
    picker.title = ui`Search Papers`;
    picker.placeholder = ui`Titles, abstracts, authors, tags (+word: must match, -word: must not, title:word)`;
    picker.matchOnDescription = false;
    picker.matchOnDetail = false;
    keepItemOrder(picker);
    picker.value = initialQuery;
    this.render(initialQuery);
    this.subscriptions.push(
      picker.onDidChangeValue((value) => this.schedule(value)),
      picker.onDidAccept(() => this.accept()),
      picker.onDidTriggerItemButton(({ item, button }) => {
        if (isPaperItem(item)) this.decide(item, button as DecisionButton);
      }),
      picker.onDidHide(() => this.dispose()),
      ctx.library.onDidChange(({ papers }) =>
        papers ? this.render(this.picker.value) : this.refreshDecisions(),
      ),
    );
  }

  show(): void {
    this.picker.show();
  }

  /** True once the results of the latest text (or corpus) are on screen. */
  get settled(): boolean {
    return this.shownRender === this.renders;
  }

  /** The text whose results are on screen. */
  get query(): string {
    return this.shownQuery;
  }

  private schedule(value: string): void {
    clearTimeout(this.timer);
    this.picker.busy = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Typing went on while waiting: the newer text has its own timer.
      if (value !== this.picker.value) return;
      this.render(value);
    }, TYPING_DEBOUNCE_MS);
  }

  private render(value: string): void {
    const query = value.trim();
    const rendering = ++this.renders;
    const items = query
      ? searchItems(this.ctx.library, query, {
          channel: 'palette',
          review: this.ctx.review,
          stage: this.ctx.stage.current,
        })
      : startItems(
          this.ctx.library,
          this.view.orderedIds(),
          undefined,
          this.ctx.review,
          this.ctx.stage.current,
        );
    items.then(
      (entries) => {
        // A newer text (or a new corpus) is being rendered: these results are stale.
        if (rendering !== this.renders || this.disposed) return;
        this.showEntries(query, entries);
        this.shownRender = rendering;
      },
      (error: unknown) => {
        if (error instanceof RequestCancelled || this.disposed) return;
        this.picker.busy = false;
        this.ctx.log.appendLine(ui`Search: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private showEntries(query: string, entries: SearchEntry[]): void {
    // Rendering the same text again (the corpus changed) keeps the row the user was on.
    const activeId = query === this.shownQuery ? this.picker.activeItems[0]?.paper?.id : undefined;
    this.picker.items = entries;
    this.shownQuery = query;
    this.picker.busy = false;
    const keep = activeId && this.picker.items.find((item) => item.paper?.id === activeId);
    if (keep) this.picker.activeItems = [keep];
  }

  /** After a decision: each row's icon and status text, same rows, same order, same active row. */
  private refreshDecisions(): void {
    const active = this.picker.activeItems[0]?.paper?.id;
    const items = this.picker.items.map((item): SearchEntry => {
      if (!isPaperItem(item)) return item;
      const triage = this.ctx.library.triage(item.paper);
      const stage = this.ctx.stage.current;
      return {
        ...item,
        description: describeTriage(triage, stage),
        iconPath: statusIcon(statusAt(triage, stage)),
      };
    });
    this.picker.items = items;
    const keep = items.find((item) => item.paper?.id === active);
    if (keep) this.picker.activeItems = [keep];
  }

  /**
   * A decision at the current stage; a second click on the same decision clears it. An exclusion that needs a
   * reason there leaves the search for the reason pick (two quick picks cannot be open at once).
   */
  decide(item: PaperPickItem, button: DecisionButton): void {
    const stage = this.ctx.stage.current;
    const current = statusAt(this.ctx.library.triage(item.paper), stage);
    const status = current === button.status ? 'untriaged' : button.status;
    if (status === 'exclude' && this.ctx.review.reasonRequired(stage)) {
      this.picker.hide();
      void vscode.commands.executeCommand(COMMANDS.excludeWithReason, item.paper.id);
      return;
    }
    decideAt(this.ctx, [item.paper], stage, status);
  }

  private accept(): void {
    const item = this.picker.activeItems[0];
    if (!isPaperItem(item)) return;
    const highlight = this.picker.value.trim();
    this.picker.hide();
    this.reader.show(item.paper, highlight ? { highlight } : {});
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
    this.picker.dispose();
    this.hidden.fire();
    this.hidden.dispose();
  }
}
