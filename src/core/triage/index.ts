export * from './types';
export { normalizeTag } from './normalize';
export * from './operations';
export * from './history';
export { merge, NOTE_MERGE_SEPARATOR } from './merge';
export {
  parse,
  parseDocument,
  positionOf,
  scanDocument,
  serialize,
  StateFileError,
  STATE_VERSION,
  versionFor,
} from './stateFile';
export type { CorruptAt, StateDocument, TextPosition } from './stateFile';
export { changesBetween, journalLine, parseJournal, replay, JournalError } from './journal';
export type { JournalRecord } from './journal';
