// Not formattedCitation.ts: it loads citeproc-js (a megabyte), which only the library worker and the tests need.
export { writeRis, risType } from './ris';
export { writeAsreviewCsv, ASREVIEW_COLUMNS, defuseFormula } from './asreviewCsv';
export { writeCslJson, toCslItem } from './cslJson';
export type { CslItem } from './cslJson';
export { splitName, invertedName } from './personName';
export type { PersonName } from './personName';
export { decisionKeyword, decisionOfKeyword, exclusionReasonOf, DECISION_KEYWORD_PREFIX } from './record';
export type { ExportRecord } from './record';
export { exportPapers, EXPORT_FORMATS } from './exportPapers';
export type { ExportFormat, ExportedPapers } from './exportPapers';
