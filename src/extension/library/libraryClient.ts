/**
 * The host's one handle on the library worker: starts it on the first request, sends requests and routes the
 * answers back (protocol.ts), cancels a query that a newer one of the same channel supersedes, and after a
 * crash starts a new worker on the next request (telling its owner, which sends the corpus and triage again).
 * No editor API here, so the benchmark plays the host with the very same client.
 */
import { Worker } from 'node:worker_threads';
import type {
  BatchItem,
  HostMessage,
  Method,
  Params,
  Result,
  WorkerError,
  WorkerMessage,
} from '../../worker/protocol';

export interface RequestOptions<M extends Method> {
  /** A newer request of the same channel cancels this one (the palette's queries, say). */
  supersedes?: string;
  onProgress?(message: string): void;
  onBatch?(items: readonly BatchItem<M>[]): void;
}

/** The answer to a request that a newer one replaced, or that was cancelled. */
export class RequestCancelled extends Error {
  constructor(method: string) {
    super(`${method} was superseded`);
    this.name = 'RequestCancelled';
  }
}

/** The worker stopped (a crash, or the client was disposed) before answering. */
export class WorkerStopped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerStopped';
  }
}

/** An error the worker reported, with the corpus file and line when it was about one. */
export class WorkerRequestError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly detail?: string;
  constructor(error: WorkerError) {
    super(error.message);
    this.name = error.name;
    this.file = error.file;
    this.line = error.line;
    this.detail = error.detail;
  }
}

interface Pending {
  method: Method;
  resolve(result: unknown): void;
  reject(error: unknown): void;
  options: RequestOptions<Method>;
}

export interface LibraryClientOptions {
  /** Called when a worker has started, before the request that started it is sent: configure it here. */
  onStart?(): void;
  /** Called once per crash, after the pending requests were rejected; the next request starts a new worker. */
  onCrash?(reason: string, crashes: number): void;
  /** Crashes after which no new worker is started (the requests fail with WorkerStopped instead). */
  maxCrashes?: number;
  workerOptions?: ConstructorParameters<typeof Worker>[1];
}

export class LibraryClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly channels = new Map<string, number>();
  private disposed = false;
  private crashCount = 0;
  /** Requests the worker answered `cancelled` without running them. */
  cancelledByWorker = 0;
  /** Workers started so far (1 + restarts). */
  starts = 0;

  constructor(
    private readonly script: string,
    private readonly options: LibraryClientOptions = {},
  ) {}

  get crashes(): number {
    return this.crashCount;
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The worker's thread id while it runs (tests use it to stop the worker from outside). */
  get threadId(): number | undefined {
    return this.worker?.threadId;
  }

  request<M extends Method>(
    method: M,
    params: Params<M>,
    options: RequestOptions<M> = {},
  ): Promise<Result<M>> {
    if (this.disposed) return Promise.reject(new WorkerStopped('the library worker was shut down'));
    const max = this.options.maxCrashes ?? 5;
    if (this.crashCount >= max) {
      return Promise.reject(
        new WorkerStopped(`the library worker stopped ${this.crashCount} times; not restarting it`),
      );
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    if (options.supersedes) {
      const previous = this.channels.get(options.supersedes);
      if (previous !== undefined) this.cancel(previous);
      this.channels.set(options.supersedes, id);
    }
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, {
        method,
        resolve: resolve as (result: unknown) => void,
        reject,
        options: options as RequestOptions<Method>,
      });
      const message = { type: 'request', id, method, params, supersedes: options.supersedes } as HostMessage;
      worker.postMessage(message);
      worker.ref();
    });
  }

  /** Stops the worker now, as a crash would (tests). */
  async terminateForTest(): Promise<void> {
    await this.worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(new WorkerStopped('the library worker was shut down'));
    void worker?.terminate();
  }

  private cancel(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.reject(new RequestCancelled(pending.method));
    this.worker?.postMessage({ type: 'cancel', id } satisfies HostMessage);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, this.options.workerOptions);
    this.starts++;
    worker.on('message', (message: WorkerMessage) => this.receive(worker, message));
    worker.on('error', (error) => this.stopped(worker, `it failed: ${error.message}`));
    worker.on('exit', (code) => this.stopped(worker, `it exited with code ${code}`));
    this.worker = worker;
    this.options.onStart?.();
    return worker;
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    const pending = this.pending.get(message.id);
    switch (message.type) {
      case 'progress':
        pending?.options.onProgress?.(message.message);
        return;
      case 'batch':
        if (pending) pending.options.onBatch?.(message.items as never);
        // Acknowledge on a later turn, so the host's other events run between two batches.
        setImmediate(() => this.worker === worker && worker.postMessage({ type: 'next', id: message.id }));
        return;
      case 'cancelled':
        this.cancelledByWorker++;
        this.settle(message.id, (p) => p.reject(new RequestCancelled(p.method)));
        return;
      case 'error':
        this.settle(message.id, (p) => p.reject(new WorkerRequestError(message.error)));
        return;
      case 'result':
        this.settle(message.id, (p) => p.resolve(message.result));
    }
  }

  private settle(id: number, how: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    for (const [channel, current] of this.channels) if (current === id) this.channels.delete(channel);
    // An idle worker must not keep a process (a test, a benchmark) alive on its own.
    if (this.pending.size === 0) this.worker?.unref();
    how(pending);
  }

  private stopped(worker: Worker, how: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    if (this.disposed) return;
    this.crashCount++;
    const reason = `The library worker stopped unexpectedly (${how})`;
    this.rejectAll(new WorkerStopped(reason));
    this.options.onCrash?.(reason, this.crashCount);
  }

  private rejectAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    this.channels.clear();
    for (const pending of all) pending.reject(error);
  }
}
