// What other folders may use of the library (see eslint-rules/featureBoundaries.mjs).
export { Library, type FilterResult } from './library';
export { RequestCancelled, type LibraryClient } from './libraryClient';
export { startLibraryWorker } from './libraryWorker';
