import type { FeatureContext, TargetResolver } from '../featureContext';

export function registerExport(_ctx: FeatureContext, _targets: TargetResolver): void {}
