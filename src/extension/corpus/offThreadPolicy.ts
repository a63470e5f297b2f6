import { extensionOf } from '../../core/readers';

/** The compiled corpus reader worker, relative to the extension's root. */
export const CORPUS_WORKER_SCRIPT = 'dist/corpus.worker.js';

/**
 * Whether corpus files are worth parsing on a worker thread. Starting one costs tens of milliseconds of
 * latency (not of blocking), so small corpora are parsed in place. The threshold keeps in-place parsing to
 * about 30 ms: the BibTeX parser needs about 3 ms per kilobyte, the other readers under 0.1 ms.
 */
export function readsOffThread(files: readonly { label: string; bytes: Uint8Array }[]): boolean {
  let estimatedMs = 0;
  for (const { label, bytes } of files) {
    const ext = extensionOf(label);
    estimatedMs += (bytes.byteLength / 1000) * (ext === 'bib' || ext === 'bibtex' ? 3 : 0.1);
  }
  return estimatedMs > 30;
}
