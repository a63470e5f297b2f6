/**
 * The host's side of the indexing worker: starts a worker, hands it the papers in small batches (each batch
 * is copied on the host's thread, so one large message would block it), and resolves with the job's result.
 * One worker per job; cancelling terminates it.
 */
import { Worker } from 'node:worker_threads';
import type { Paper } from '../../core/model/paper';
import { postInBatches } from '../workers/batches';
import { indexedPaper } from './indexJob';
import type { HostMessage, IndexJobResult, IndexJobSettings, IndexPhase, WorkerMessage } from './protocol';

export interface WorkerJob {
  readonly result: Promise<IndexJobResult>;
  cancel(): void;
}

export class IndexCancelled extends Error {
  constructor() {
    super('indexing was cancelled');
    this.name = 'IndexCancelled';
  }
}

export function indexInWorker(
  script: string,
  papers: readonly Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>[],
  settings: IndexJobSettings,
  progress: (phase: IndexPhase) => void = () => undefined,
  workerOptions: { execArgv?: string[] } = {},
): WorkerJob {
  const worker = new Worker(script, workerOptions);
  let settle: { reject(error: unknown): void } | undefined;
  const result = new Promise<IndexJobResult>((resolve, reject) => {
    settle = { reject };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.phase);
      else if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the indexing worker stopped (exit code ${code})`)));
  }).finally(() => void worker.terminate());
  void send(worker, papers, settings).catch((error: unknown) => settle?.reject(error));
  return {
    result,
    cancel: () => {
      settle?.reject(new IndexCancelled());
      void worker.terminate();
    },
  };
}

async function send(
  worker: Worker,
  papers: readonly Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>[],
  settings: IndexJobSettings,
): Promise<void> {
  const post = (message: HostMessage) => worker.postMessage(message);
  await postInBatches(papers, (batch) => post({ type: 'papers', papers: batch.map(indexedPaper) }));
  post({ type: 'run', settings });
}
