export const OPEN_PAPER_COMMAND = 'literatureTriage.openPaper';
export const PAPERS_VIEW_ID = 'literatureTriage.papers';
