// What other folders may use of the screening feature (see eslint-rules/featureBoundaries.mjs).
export { ScreeningService } from './screeningService';
export { registerScreeningProgress, type ScreeningProgressPanel } from './progressView';
