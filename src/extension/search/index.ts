import type { FeatureContext } from '../featureContext';
import type { ReaderHost } from '../reader';
import type { PapersView } from '../tree';

export function registerSearch(_ctx: FeatureContext, _reader: ReaderHost, _view: PapersView): void {}
