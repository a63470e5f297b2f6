// ASReview 0.9.3's published means over 15 trials on these exact files (asreview/asreview
// docs/source/simulation_study_results.rst @ b1c4cdaf, Tables 2 and 3; see test/fixtures/screening/PROVENANCE.md).

export interface PublishedFigures {
  /** Best of the seven published models. */
  best: number;
  bestModel: string;
  /** ASReview's default model. */
  nbTfidf: number;
}

export const ASREVIEW_PUBLISHED: Record<
  'nudging' | 'wilson',
  { wss95: PublishedFigures; rrf10: PublishedFigures }
> = {
  nudging: {
    wss95: { best: 71.7, bestModel: 'NB+TF-IDF', nbTfidf: 71.7 },
    rrf10: { best: 67.5, bestModel: 'LR+D2V', nbTfidf: 65.3 },
  },
  wilson: {
    wss95: { best: 84.0, bestModel: 'LR+D2V', nbTfidf: 83.4 },
    rrf10: { best: 91.5, bestModel: 'SVM+D2V', nbTfidf: 87.3 },
  },
};
