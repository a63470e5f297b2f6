/**
 * The corpus reader worker (bundled as dist/corpus.worker.js): parses corpus files and merges their papers on
 * its own thread, and hands the papers back in batches as the host asks for them, so loading a large corpus
 * (a 10k-record export takes about a second to parse and a tenth of one to merge, a BibTeX file of a few
 * hundred entries as long) never freezes the editor.
 */
import { parentPort } from 'node:worker_threads';
import { CorpusError, type Paper } from '../../core/model/paper';
import { readCorpora, type CorporaRead } from './readCorpora';
import { PAPERS_PER_MESSAGE } from '../workers/batches';
import type { ReadFailure, ReadRequest, ReaderMessage } from './readerProtocol';

const port = parentPort;
if (!port) throw new Error('the corpus reader runs as a worker thread');
const post = (message: ReaderMessage) => port.postMessage(message);

let pending: { read: CorporaRead; next: number } | undefined;

port.on('message', (request: ReadRequest) => {
  if (request.type === 'next') return sendNext();
  try {
    pending = { read: readCorpora(request.files), next: 0 };
    sendNext();
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

function sendNext(): void {
  if (!pending) return;
  const { read, next } = pending;
  if (next >= read.papers.length) {
    pending = undefined;
    post({ type: 'done', files: read.files, warnings: read.warnings, failures: read.failures.map(failure) });
    return;
  }
  pending.next = next + PAPERS_PER_MESSAGE;
  const papers: Paper[] = read.papers.slice(next, next + PAPERS_PER_MESSAGE);
  post({ type: 'papers', papers });
}

function failure({ label, error }: CorporaRead['failures'][number]): ReadFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof CorpusError)) return { label, message };
  return { label, message, corpusError: { file: error.file, line: error.line, detail: error.detail } };
}
