import type { Paper } from '../../core/model/paper';
import type { FeatureContext, PaperOrder } from '../featureContext';
import { ReaderPanel } from './readerPanel';
import { registerOpenPaper } from './openPaperCommand';

export interface ReaderHost {
  readonly currentPaper: Paper | undefined;
  /** True while the reader tab is the active editor. */
  readonly isActive: boolean;
  readonly isReady: boolean;
  show(paper: Paper, options?: { preserveFocus?: boolean; toSide?: boolean; highlight?: string }): void;
}

export function registerReader(
  ctx: FeatureContext,
  order: PaperOrder & { selectedPapers(): Paper[] },
): ReaderHost {
  const panel = new ReaderPanel(ctx.extension.extensionUri);
  ctx.extension.subscriptions.push(panel, registerOpenPaper(ctx.corpus, panel, order));
  return panel;
}
