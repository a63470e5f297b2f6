export * from './reviewerId';
export * from './reviewerFile';
export * from './reviewerSet';
export * from './agreement';
export * from './conflicts';
export { cohenKappa, fleissKappa, meanPairwiseAgreement, observedAgreement, pabak } from './kappa';
export * from './resolutionFile';
export * from './finalDecisions';
