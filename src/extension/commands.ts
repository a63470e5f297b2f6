/**
 * Every id of ours that package.json `contributes` and the code share: the commands, the context keys, the
 * views and the reader's webview panel type. Nothing else in src spells one of them out;
 * test/unit/commands.test.ts checks this table against package.json both ways and against the sources.
 */

/** Each command, named by its id without the `literatureTriage.` prefix (`reader.next` is `readerNext`). */
export const COMMANDS = {
  searchPapers: 'literatureTriage.searchPapers',
  openPaper: 'literatureTriage.openPaper',
  openPaperToSide: 'literatureTriage.openPaperToSide',
  include: 'literatureTriage.include',
  maybe: 'literatureTriage.maybe',
  exclude: 'literatureTriage.exclude',
  excludeWithReason: 'literatureTriage.excludeWithReason',
  clearDecision: 'literatureTriage.clearDecision',
  addTag: 'literatureTriage.addTag',
  removeTag: 'literatureTriage.removeTag',
  editNote: 'literatureTriage.editNote',
  nextUntriaged: 'literatureTriage.nextUntriaged',
  undo: 'literatureTriage.undo',
  exportBibtex: 'literatureTriage.exportBibtex',
  exportRis: 'literatureTriage.exportRis',
  exportCsv: 'literatureTriage.exportCsv',
  exportCslJson: 'literatureTriage.exportCslJson',
  copyBibtex: 'literatureTriage.copyBibtex',
  copyFormattedCitation: 'literatureTriage.copyFormattedCitation',
  insertCitation: 'literatureTriage.insertCitation',
  citeAddToBib: 'literatureTriage.citeAddToBib',
  openCitedPaper: 'literatureTriage.openCitedPaper',
  auditCitations: 'literatureTriage.auditCitations',
  addCorpusFile: 'literatureTriage.addCorpusFile',
  importDecisions: 'literatureTriage.importDecisions',
  switchStage: 'literatureTriage.switchStage',
  showPrismaFlow: 'literatureTriage.showPrismaFlow',
  linkFullText: 'literatureTriage.linkFullText',
  findFullTexts: 'literatureTriage.findFullTexts',
  openFullText: 'literatureTriage.openFullText',
  markNotRetrieved: 'literatureTriage.markNotRetrieved',
  markRetrieved: 'literatureTriage.markRetrieved',
  startTeamScreening: 'literatureTriage.startTeamScreening',
  revealDecisions: 'literatureTriage.revealDecisions',
  showAgreement: 'literatureTriage.showAgreement',
  resolveConflict: 'literatureTriage.resolveConflict',
  nextConflict: 'literatureTriage.nextConflict',
  rebuildIndex: 'literatureTriage.rebuildIndex',
  filterPapers: 'literatureTriage.filterPapers',
  clearFilter: 'literatureTriage.clearFilter',
  groupBy: 'literatureTriage.groupBy',
  sortByRelevance: 'literatureTriage.sortByRelevance',
  sortByCorpusOrder: 'literatureTriage.sortByCorpusOrder',
  readerNext: 'literatureTriage.reader.next',
  readerPrevious: 'literatureTriage.reader.previous',
  readerFocusSearch: 'literatureTriage.reader.focusSearch',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/**
 * Commands registered on purpose without a `contributes.commands` entry (so without a title, a palette entry
 * or a menu), each with the reason. Every other command is contributed.
 */
export const INTERNAL_COMMANDS: { readonly [name in keyof typeof COMMANDS]?: string } = {
  citeAddToBib:
    'run when a completed citation key or a quick fix names a paper no .bib has yet: it takes the paper id and key',
};

/** The views of package.json `contributes.views`. */
export const VIEWS = {
  papers: 'literatureTriage.papers',
  /** A webview view: the gain curve and the stopping test. */
  screeningProgress: 'literatureTriage.screeningProgress',
} as const;

/** Webview panel types: the reader's is in an `onWebviewPanel:` activation event and in `when` clauses. */
export const WEBVIEW_PANELS = {
  reader: 'literatureTriage.reader',
  prisma: 'literatureTriage.prisma',
  agreementPanel: 'literatureTriage.agreement',
} as const;

/** The context keys we set, for `when` clauses in package.json; set them through ContextKey (contextKey.ts). */
export const CONTEXT_KEYS = {
  /** The corpus and the state file are still being read (the welcome content waits for it). */
  loading: 'literatureTriage.loading',
  hasPapers: 'literatureTriage.hasPapers',
  filterActive: 'literatureTriage.filterActive',
  sortedByRelevance: 'literatureTriage.sortedByRelevance',
  /** A text field in the reader has focus: the single-letter keybindings are off. */
  readerEditing: 'literatureTriage.readerEditing',
  /** The workspace's review stage: `titleAbstract` or `fullText`. */
  stage: 'literatureTriage.stage',
  /** Team screening is on: this window screens into its reviewer's file. */
  teamMode: 'literatureTriage.teamMode',
  /** Team screening with the other reviewers' decisions hidden. */
  blind: 'literatureTriage.blind',
} as const;

export type ContextKeyId = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];
