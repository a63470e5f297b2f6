import type { FeatureContext } from '../featureContext';

export function registerCorpusCommands(_ctx: FeatureContext): void {}
