export * from './types';
export { canonicalTags, isValidCitationKey, normalizeNote, normalizeTag } from './normalize';
export * from './operations';
export * from './history';
export { merge, mergeNotes, NOTE_MERGE_SEPARATOR } from './merge';
export { parse, serialize, StateFileError, STATE_FORMAT, STATE_VERSION } from './stateFile';
export type { StateFileErrorKind, TextPosition } from './stateFile';
export { changesBetween, journalLine, parseJournal, replay, JournalError } from './journal';
export type { JournalChange, JournalRecord } from './journal';
