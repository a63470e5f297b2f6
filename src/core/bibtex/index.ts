export { buildEntry, formatEntry, UNKNOWN_AUTHORS_NOTE } from './entry';
export type { BibEntry } from './entry';
export { baseCiteKey, claimCiteKey, collisionSuffix, lastNamePart, shortTitleWords } from './citeKey';
export { plainParagraphs, plainText, toFieldText, toTitleText, toVerbatimText } from './escape';
export { decodeLatex } from './latexDecode';
export { scanBib, existingKeys } from './scan';
export { mergeIntoBib, BibMergeError } from './mergeBib';
export { exportEntries, keyPapers, papersInScope } from './exportEntries';
export type { ExportOptions, KeyConflict, KeyedPaper } from './exportEntries';
