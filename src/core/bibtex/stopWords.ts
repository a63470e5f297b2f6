/**
 * Words skipped when a citation key is built from a title: articles, prepositions, conjunctions and forms
 * of "to be" — the words that carry no topic. Lowercase.
 */
// prettier-ignore
export const TITLE_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the',
  'and', 'or', 'but', 'nor', 'yet', 'so',
  'about', 'above', 'across', 'after', 'against', 'along', 'amid', 'among', 'around', 'as', 'at',
  'before', 'behind', 'below', 'beneath', 'beside', 'between', 'beyond', 'by', 'despite', 'down',
  'during', 'for', 'from', 'in', 'inside', 'into', 'like', 'near', 'of', 'off', 'on', 'onto', 'out',
  'over', 'per', 'since', 'than', 'through', 'throughout', 'to', 'toward', 'towards', 'under',
  'until', 'up', 'upon', 'versus', 'vs', 'via', 'with', 'within', 'without',
  'is', 'are', 'be', 'been', 'being', 'was', 'were', 'do', 'does',
]);
