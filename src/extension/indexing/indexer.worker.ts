/**
 * The indexing worker (bundled as dist/indexer.worker.js): receives the papers in batches, then runs one
 * indexing job and posts the result back, the index bytes transferred rather than copied. It runs on its own
 * thread, so building the index of a large corpus never blocks the extension host.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../workers/threadPriority';
import { runIndexJob } from './indexJob';
import type { HostMessage, IndexedPaper, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('the indexer runs as a worker thread');
const papers: IndexedPaper[] = [];
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: HostMessage) => {
  if (message.type === 'papers') {
    for (const paper of message.papers) papers.push(paper);
    return;
  }
  if (message.settings.lowPriority) lowerThreadPriority();
  runIndexJob(papers, message.settings, (phase) => post({ type: 'progress', phase }))
    .then((result) => {
      const { buffer, byteOffset, byteLength } = result.bytes;
      // Transfer only a buffer the bytes own entirely (a cache read may hand out a view into a larger one).
      const owned =
        byteOffset === 0 && byteLength === buffer.byteLength ? result.bytes : result.bytes.slice();
      post({ type: 'done', result: { ...result, bytes: owned } }, [owned.buffer as ArrayBuffer]);
    })
    .catch((error: unknown) =>
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
});
