import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { SearchIndex } from '../../core/search';
import { computeTopics, type Topic } from '../../core/topics';
import { triageOf, type PaperTriage, type TriageState } from '../../core/triage';
import type { CorpusService } from '../corpus/corpusService';
import type { TriageStore } from '../storage/triageStore';
import { settings } from '../settings';

/**
 * What every feature reads: the merged papers, their triage, the search index and the topics. Derived data
 * is computed on first use after a change, so a burst of changes costs one rebuild.
 */
export class Library implements vscode.Disposable {
  private index: SearchIndex | undefined;
  private indexedTags: string | undefined;
  private topicList: Topic[] | undefined;
  private topicOf = new Map<string, Topic>();
  private readonly changed = new vscode.EventEmitter<{ papers: boolean; triage: boolean }>();
  /** Fires after the corpus or the triage state changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly corpus: CorpusService,
    readonly store: TriageStore,
  ) {
    this.disposables.push(
      corpus.onDidChange(() => {
        this.index = undefined;
        this.topicList = undefined;
        this.changed.fire({ papers: true, triage: false });
      }),
      store.onDidChange(() => this.changed.fire({ papers: false, triage: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!settings.affects(e, 'topics')) return;
        this.topicList = undefined;
        this.changed.fire({ papers: true, triage: false });
      }),
    );
  }

  get papers(): readonly Paper[] {
    return this.corpus.all;
  }

  paper(id: string): Paper | undefined {
    return this.corpus.byId(id);
  }

  triage(paper: Paper): PaperTriage {
    return triageOf(this.store.state, paper);
  }

  /** The full-text + fuzzy index; rebuilt after the corpus changed or tags changed (tags are searchable). */
  searchIndex(): SearchIndex {
    const state = this.store.state;
    const tagSignature = tagsSignature(state);
    if (!this.index || this.indexedTags !== tagSignature) {
      const tags = (id: string) => {
        const paper = this.corpus.byId(id);
        return paper ? triageOf(state, paper).tags : [];
      };
      this.index = SearchIndex.build(this.papers, { tags });
      this.indexedTags = tagSignature;
    }
    return this.index;
  }

  /** Automatic topics plus the user's saved-query topics (`literatureTriage.topics`). */
  topics(): Topic[] {
    if (!this.topicList) {
      this.topicList = computeTopics(this.papers, { userTopics: settings.userTopics() });
      this.topicOf = new Map(this.topicList.flatMap((t) => t.paperIds.map((id) => [id, t] as const)));
    }
    return this.topicList;
  }

  topicOfPaper(id: string): Topic | undefined {
    this.topics();
    return this.topicOf.get(id);
  }

  /** Forces a rebuild of everything derived (the "Rebuild Index" command). */
  invalidate(): void {
    this.index = undefined;
    this.topicList = undefined;
    this.changed.fire({ papers: true, triage: false });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** Changes only when some paper's tags change, not on status or note edits. */
function tagsSignature(state: TriageState): string {
  const parts: string[] = [];
  for (const [id, entry] of state.papers) if (entry.tags.length) parts.push(`${id}:${entry.tags.join(',')}`);
  return parts.join(';');
}
