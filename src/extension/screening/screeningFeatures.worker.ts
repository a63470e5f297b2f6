/**
 * The screening features worker (bundled as dist/screening.worker.js): vectorises a corpus for the screening
 * ranker on its own thread, below the host's priority, since that takes seconds for 10k papers. The matrix's
 * arrays are transferred back, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { buildFeatureSpace } from '../../core/screening/featureSpace';
import type { RankablePaper } from '../../core/screening/ranker';
import { resolveRankerConfig } from '../../core/screening/rankerConfig';
import { lowerThreadPriority } from '../workers/threadPriority';
import type { FeaturesMessage, FeaturesRequest } from './featuresProtocol';

const port = parentPort;
if (!port) throw new Error('the screening features builder runs as a worker thread');
const papers: RankablePaper[] = [];

port.on('message', (request: FeaturesRequest) => {
  if (request.type === 'papers') {
    for (const paper of request.papers) papers.push(paper);
    return;
  }
  lowerThreadPriority();
  let message: FeaturesMessage;
  try {
    const space = buildFeatureSpace(papers, resolveRankerConfig().features);
    message = { type: 'done', space };
    const { matrix, latent } = space;
    const buffers = [matrix.rowStart, matrix.cols, matrix.vals].map((a) => a.buffer as ArrayBuffer);
    if (latent) {
      buffers.push(
        ...[latent.docVectors, latent.termVectors, latent.docNorms].map((a) => a.buffer as ArrayBuffer),
      );
    }
    port.postMessage(message, [...new Set(buffers)]);
  } catch (error) {
    message = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
    port.postMessage(message);
  }
});
