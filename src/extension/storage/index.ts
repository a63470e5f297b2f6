// What other folders may use of the storage feature (see eslint-rules/featureBoundaries.mjs).
export { TriageStore } from './triageStore';
export { stateFileLocation } from './stateFileLocation';
export { registerStoreNotifications } from './storeNotifications';
