/**
 * The library worker (bundled as dist/library.worker.js): one per window, started on first need and kept. It
 * owns the papers, the index, the topics and the screening ranker (LibraryEngine) and answers the host's
 * requests (protocol.ts) one at a time, in order. A request that a newer one of the same `supersedes` channel
 * follows in the queue is answered `cancelled` without running, and so is one the host cancelled.
 */
import { parentPort } from 'node:worker_threads';
import { CorpusError } from '../core/model/paper';
import { LibraryEngine } from './libraryEngine';
import {
  SUMMARIES_PER_BATCH,
  type HostMessage,
  type Method,
  type Result,
  type WorkerError,
  type WorkerMessage,
} from './protocol';

const port = parentPort;
if (!port) throw new Error('the library worker runs as a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

type Request = Extract<HostMessage, { type: 'request' }>;
const engine = new LibraryEngine();
const queue: Request[] = [];
const cancelled = new Set<number>();
const waitingForNext = new Map<number, () => void>();
let draining = false;

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'cancel':
      cancelled.add(message.id);
      waitingForNext.get(message.id)?.();
      return;
    case 'next':
      waitingForNext.get(message.id)?.();
      return;
    case 'request':
      queue.push(message);
      // Run on the next turn, so that messages already waiting (a newer query, a cancel) are seen first.
      if (!draining) setImmediate(drain);
      draining = true;
  }
});

async function drain(): Promise<void> {
  for (let request = queue.shift(); request; request = queue.shift()) {
    const channel = request.supersedes;
    if (cancelled.delete(request.id) || (channel && queue.some((later) => later.supersedes === channel))) {
      post({ type: 'cancelled', id: request.id });
      continue;
    }
    try {
      await run(request);
    } catch (error) {
      post({ type: 'error', id: request.id, error: describe(error) });
    }
    cancelled.delete(request.id);
    // Let waiting messages in between requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}

async function run(request: Request): Promise<void> {
  const { id } = request;
  const progress = (message: string) => post({ type: 'progress', id, message });
  const answer = <M extends Method>(method: M, result: Result<M>, transfer: ArrayBuffer[] = []) =>
    post({ type: 'result', id, method, result } as WorkerMessage, transfer);
  switch (request.method) {
    case 'configure':
      return answer('configure', engine.configure(request.params));
    case 'load': {
      const { result, summaries } = await engine.load(request.params, progress);
      for (let start = 0; start < summaries.length; start += SUMMARIES_PER_BATCH) {
        if (cancelled.has(id)) break;
        const acknowledged = new Promise<void>((resolve) => waitingForNext.set(id, resolve));
        post({ type: 'batch', id, items: summaries.slice(start, start + SUMMARIES_PER_BATCH) });
        await acknowledged;
        waitingForNext.delete(id);
      }
      return answer('load', result);
    }
    case 'index': {
      const result = await engine.index(request.params, progress);
      return answer('index', result, [result.members.buffer as ArrayBuffer]);
    }
    case 'triage':
      return answer('triage', engine.triage(request.params));
    case 'palette':
      return answer('palette', engine.palette(request.params));
    case 'filter': {
      const result = engine.filter(request.params);
      return answer('filter', result, [result.positions.buffer as ArrayBuffer]);
    }
    case 'papers':
      return answer('papers', engine.papersById(request.params));
    case 'references':
      return answer('references', engine.references(request.params));
    case 'detail':
      return answer('detail', engine.detail(request.params));
    case 'rank': {
      const result = engine.rank();
      return answer('rank', result, [result.order.buffer as ArrayBuffer]);
    }
    case 'crash':
      process.exit(3);
  }
}

function describe(error: unknown): WorkerError {
  if (error instanceof CorpusError) {
    return {
      name: error.name,
      message: error.message,
      file: error.file,
      line: error.line,
      detail: error.detail,
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
