import * as vscode from 'vscode';
import { flashStatus, showInfo } from '../shared/notifications';
import { ui } from '../shared/uiText';
import type { PaperSummary } from '../../worker/protocol';
import type { TriageStatus } from '../../core/triage';
import { withProgressWhenLong } from '../shared/longWork';
import type { FeatureContext, TargetResolver } from '../featureContext';
import type { ReaderHost } from '../reader';
import type { PapersView } from '../tree';
import { papersFromArgs } from './commandTargets';
import { editNote } from './noteCommand';
import { nextInOrder, nextUntriagedInOrder } from './paperOrder';
import { describeTargets, pickTagToAdd, pickTagToRemove } from './tagPickers';
import { exclusionReasonFor, type ExclusionRequest } from '../shared/exclusionReason';
import { triageChanges } from '../shared/triageChanges';
import { addTagTo, decideAt, removeTagFrom } from '../shared/triageEdits';
import { switchStage } from './stageCommand';
import { reviewPlace } from '../../core/review/reviewPlace';
import { COMMANDS, type CommandId } from '../commands';

const STATUS_COMMANDS: ReadonlyArray<readonly [CommandId, TriageStatus]> = [
  [COMMANDS.include, 'include'],
  [COMMANDS.maybe, 'maybe'],
  [COMMANDS.exclude, 'exclude'],
  [COMMANDS.clearDecision, 'untriaged'],
];

/**
 * Include · Maybe · Exclude · Exclude with Reason… · Clear Decision · Add Tag… · Remove Tag… · Edit Note ·
 * Next Untriaged · Undo · Switch Screening Stage. The decisions are made at the workspace's current stage (ctx.stage).
 *
 * A command acts on the papers in its arguments (a tree row and the rows selected with it, paper ids, papers),
 * else on `targets` (the reader's paper while the reader is active, else the tree selection). Add Tag, Remove
 * Tag and Edit Note take the tag or note text as their third argument instead of asking; Exclude takes a reason
 * there (without one it asks only when the stage requires a reason: `literatureTriage.requireExclusionReason`),
 * Exclude with Reason a reason or its number in `literatureTriage.exclusionReasons`.
 * A decision made in the reader moves the reader on to the next paper of the tree, or, in screening mode (the
 * reader was sent there by Next Untriaged), to the next paper of the screening ranking. At the full-text stage
 * the queue is the papers to assess in full text (included at title/abstract, not decided at full text, not
 * marked not retrieved), in the tree's order.
 */
export function registerTriageCommands(
  ctx: FeatureContext,
  targets: TargetResolver,
  reader: ReaderHost,
  view: PapersView,
): void {
  const resolve = (args: unknown[]): { papers: PaperSummary[]; fromArgs: boolean } => {
    const given = papersFromArgs(ctx.library, args[0], args[1]);
    return given ? { papers: given, fromArgs: true } : { papers: targets.targets(), fromArgs: false };
  };
  const withTargets =
    (action: (papers: PaperSummary[], fromArgs: boolean, args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const { papers, fromArgs } = resolve(args);
      if (papers.length === 0) {
        void showInfo(ui`Select a paper in the Papers view or open one in the reader first.`);
        return undefined;
      }
      return action(papers, fromArgs, args);
    };

  /**
   * A decision on the targets at the current stage. An exclusion first settles its reason (asking when
   * `request` says so); called off (Escape), nothing is decided and the reader stays where it is.
   */
  const decide = (status: TriageStatus, request: (args: unknown[]) => ExclusionRequest = () => 'plain') =>
    withTargets(async (papers, fromArgs, args) => {
      const stage = ctx.stage.current;
      const current = reader.isActive ? reader.currentPaper : undefined;
      const advance =
        !fromArgs && status !== 'untriaged' && papers.length === 1 && papers[0]!.id === current?.id;
      let reason: string | undefined;
      if (status === 'exclude') {
        const outcome = await exclusionReasonFor(ctx, request(args), stage, describeTargets(papers));
        if (!outcome) return;
        reason = outcome.reason;
      }
      const screening = advance && ctx.screening.isScreening(current!.id);
      // The next paper is taken before the change: grouped by status, the decided paper moves to another group.
      const nextId = advance && !screening ? nextInOrder(view.orderedIds(), current!.id) : undefined;
      decideAt(ctx, papers, stage, status, reason);
      if (!advance) return;
      if (screening) {
        // The ranking learns from the decision just made before it picks the next paper.
        if (!showNextRanked(current!.id)) void showInfo(allTriagedMessage());
        return;
      }
      const next = nextId === undefined ? undefined : ctx.library.paper(nextId);
      if (next) reader.show(next);
      else flashStatus(ui`That was the last paper in the list.`, 4000);
    });

  /** Exclude's optional third argument: the reason (after the target and the selection). */
  const givenReason = (args: unknown[]): ExclusionRequest =>
    typeof args[2] === 'string' ? { reason: args[2] } : 'plain';
  /** Exclude with Reason: reason N (a number), a reason (a string), or asked for. */
  const reasonArgument = (args: unknown[]): ExclusionRequest =>
    typeof args[2] === 'number' ? args[2] : typeof args[2] === 'string' ? { reason: args[2] } : 'ask';
  const excludeWithReason = decide('exclude', reasonArgument);

  const allTriagedMessage = () =>
    ctx.stage.current === 'fullText'
      ? view.provider.filter === undefined
        ? ui`No paper is left to assess in full text.`
        : ui`No paper the filter shows is left to assess in full text.`
      : view.provider.filter === undefined
        ? ui`Every paper is triaged.`
        : ui`Every paper the filter shows is triaged.`;

  /** At full text: the next paper to assess after `after` in the tree's order (wrapping), other than `skip`. */
  const showNextToAssess = (
    after: string | undefined,
    skip: string | undefined,
  ): PaperSummary | undefined => {
    const id = nextUntriagedInOrder(view.orderedIds(), after, (candidate) => {
      if (candidate === skip) return false;
      const paper = ctx.library.paper(candidate);
      return paper !== undefined && reviewPlace(ctx.library.triage(paper)) === 'toAssess';
    });
    const paper = id === undefined ? undefined : ctx.library.paper(id);
    if (!paper) return undefined;
    ctx.screening.enterScreening(paper.id);
    reader.show(paper);
    return paper;
  };

  /** Opens the best-ranked untriaged paper the tree shows (other than `skip`) in screening mode. */
  const showNextRanked = (skip: string | undefined): PaperSummary | undefined => {
    if (ctx.stage.current === 'fullText') return showNextToAssess(skip, skip);
    const visible = view.provider.filter === undefined ? undefined : new Set(view.orderedIds());
    const id = ctx.screening.rankedUntriaged().find((c) => c !== skip && (!visible || visible.has(c)));
    const paper = id === undefined ? undefined : ctx.library.paper(id);
    if (!paper) return undefined;
    ctx.screening.enterScreening(paper.id);
    reader.show(paper);
    return paper;
  };

  /** Next Untriaged follows the screening ranking (most likely inclusion first, learned from decisions). */
  const nextUntriaged = (): PaperSummary | undefined => {
    const current = reader.currentPaper ?? view.selectedPapers()[0];
    if (ctx.stage.current === 'fullText') {
      const paper = showNextToAssess(current?.id, undefined);
      if (!paper) void showInfo(allTriagedMessage());
      return paper;
    }
    const paper = showNextRanked(current?.id) ?? fallbackInTreeOrder(current?.id);
    if (!paper) void showInfo(allTriagedMessage());
    return paper;
  };

  /** Only the current paper is left untriaged: the tree order finds it (or nothing). */
  const fallbackInTreeOrder = (currentId: string | undefined): PaperSummary | undefined => {
    const id = nextUntriagedInOrder(view.orderedIds(), currentId, (candidate) => {
      const paper = ctx.library.paper(candidate);
      return paper !== undefined && ctx.library.triage(paper).status === 'untriaged';
    });
    const paper = id === undefined ? undefined : ctx.library.paper(id);
    if (paper) reader.show(paper);
    return paper;
  };

  const undo = () => {
    const before = ctx.store.state;
    if (!ctx.store.undo()) {
      flashStatus(ui`Nothing to undo.`, 3000);
      return;
    }
    const changed = triageChanges(before, ctx.store.state).ids;
    flashStatus(
      changed.length === 1
        ? ui`Undid the last change.`
        : ui`Undid the last change (${changed.length} papers).`,
      3000,
    );
    // After `i` moved the reader on, `u` brings back the paper whose decision was undone.
    const back = changed.length === 1 ? ctx.library.paper(changed[0]!) : undefined;
    if (back && reader.isActive && reader.currentPaper?.id !== back.id) reader.show(back);
  };

  ctx.extension.subscriptions.push(
    ...STATUS_COMMANDS.map(([id, status]) =>
      vscode.commands.registerCommand(id, decide(status, status === 'exclude' ? givenReason : undefined)),
    ),
    // The keys 1–9 pass only the reason's number (a keybinding's `args` is the first argument).
    vscode.commands.registerCommand(COMMANDS.excludeWithReason, (...args: unknown[]) =>
      typeof args[0] === 'number'
        ? excludeWithReason(undefined, undefined, args[0])
        : excludeWithReason(...args),
    ),
    vscode.commands.registerCommand(COMMANDS.switchStage, (stage: unknown) => switchStage(ctx, stage)),
    vscode.commands.registerCommand(
      COMMANDS.addTag,
      withTargets(async (papers, _fromArgs, args) => {
        const tag = typeof args[2] === 'string' ? args[2] : await pickTagToAdd(ctx.library, papers);
        if (tag !== undefined) addTagTo(ctx, papers, tag);
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.removeTag,
      withTargets(async (papers, _fromArgs, args) => {
        const tag = typeof args[2] === 'string' ? args[2] : await pickTagToRemove(ctx.library, papers);
        if (tag !== undefined) removeTagFrom(ctx, papers, tag);
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.editNote,
      withTargets((papers, _fromArgs, args) => editNote(ctx, reader, papers[0]!, args[2])),
    ),
    vscode.commands.registerCommand(COMMANDS.nextUntriaged, async () => {
      // The full-text queue follows the tree's order: no ranking to wait for.
      if (ctx.stage.current === 'fullText') return nextUntriaged();
      // A large corpus's screening features may still be built in the background: wait for them rather than
      // build them again on the host's thread.
      await withProgressWhenLong(ui`Literature Triage: preparing the screening ranking`, () =>
        ctx.screening.ready(),
      );
      return nextUntriaged();
    }),
    vscode.commands.registerCommand(COMMANDS.undo, undo),
  );
}
