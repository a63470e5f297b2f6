/**
 * Runs `readCorpora` on a worker thread (see corpusReader.worker.ts) and resolves with what it would have
 * returned in place; unreadable files come back as the same CorpusErrors. No `vscode` here: the benchmark
 * uses it too.
 */
import { Worker } from 'node:worker_threads';
import { CorpusError, type Paper } from '../../core/model/paper';
import type { CorporaRead, CorpusFileBytes } from './readCorpora';
import type { ReadFailure, ReadRequest, ReaderMessage } from './readerProtocol';

export function readCorporaOffThread(
  script: string,
  files: readonly CorpusFileBytes[],
): Promise<CorporaRead> {
  const worker = new Worker(script);
  const papers: Paper[] = [];
  const ask = (request: ReadRequest) => worker.postMessage(request);
  return new Promise<CorporaRead>((resolve, reject) => {
    worker.on('message', (message: ReaderMessage) => {
      if (message.type === 'papers') {
        for (const paper of message.papers) papers.push(paper);
        // Ask for the next batch once the host has had a turn at its other events.
        setImmediate(() => ask({ type: 'next' }));
      } else if (message.type === 'done') {
        const { files: read, warnings } = message;
        resolve({ papers, files: read, warnings, failures: message.failures.map(asError) });
      } else {
        reject(new Error(message.message));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the corpus reader stopped (exit code ${code})`)));
    // The bytes are copied, not transferred (a plain memory copy, quick even for a large file), so the caller
    // keeps them: to read in place should the worker fail.
    ask({ type: 'read', files: files.map(({ bytes, label }) => ({ bytes, label })) });
  }).finally(() => void worker.terminate());
}

function asError({ label, message, corpusError }: ReadFailure): CorporaRead['failures'][number] {
  const error = corpusError
    ? new CorpusError(corpusError.file, corpusError.detail, corpusError.line)
    : new Error(message);
  return { label, error };
}
