import type { FeatureContext, TargetResolver } from '../featureContext';
import type { ReaderHost } from '../reader';
import type { PapersView } from '../tree';

export function registerTriageCommands(
  _ctx: FeatureContext,
  _targets: TargetResolver,
  _reader: ReaderHost,
  _view: PapersView,
): void {}
