// What other folders may use of the corpus feature (see eslint-rules/featureBoundaries.mjs).
export { CorpusService } from './corpusService';
export { registerCorpusCommands } from './corpusCommands';
