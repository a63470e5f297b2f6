/**
 * Builds the screening ranker's features on a worker thread (see screeningFeatures.worker.ts). No `vscode`
 * here: the benchmark uses it too.
 */
import { Worker } from 'node:worker_threads';
import type { FeatureSpace } from '../../core/screening/featureSpace';
import type { RankablePaper } from '../../core/screening/ranker';
import { postInBatches } from '../workers/batches';
import type { FeaturesMessage, FeaturesRequest } from './featuresProtocol';

export interface FeaturesJob {
  readonly result: Promise<FeatureSpace>;
  cancel(): void;
}

export function buildFeaturesOffThread(script: string, papers: readonly RankablePaper[]): FeaturesJob {
  const worker = new Worker(script);
  const ask = (request: FeaturesRequest) => worker.postMessage(request);
  let rejectResult: (error: unknown) => void = () => undefined;
  const result = new Promise<FeatureSpace>((resolve, reject) => {
    rejectResult = reject;
    worker.on('message', (message: FeaturesMessage) => {
      if (message.type === 'done') resolve(message.space);
      else reject(new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      reject(new Error(`the screening features worker stopped (exit code ${code})`)),
    );
  }).finally(() => void worker.terminate());
  void postInBatches(papers, (batch) =>
    ask({ type: 'papers', papers: batch.map(({ id, title, abstract }) => ({ id, title, abstract })) }),
  ).then(() => ask({ type: 'run' }));
  return {
    result,
    cancel: () => {
      rejectResult(new Error('cancelled'));
      void worker.terminate();
    },
  };
}
