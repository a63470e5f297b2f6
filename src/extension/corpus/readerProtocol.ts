/** Messages between the extension host and the corpus reader worker (corpusReader.worker.ts). */
import type { Paper, ReadWarning } from '../../core/model/paper';
import type { CorpusFileBytes } from './readCorpora';

export type ReadRequest =
  | { type: 'read'; files: CorpusFileBytes[] }
  /** The host has taken in the last batch and wants the next one. */
  | { type: 'next' };

/** A file that could not be read; `corpusError` when its input was unreadable (a CorpusError), with where. */
export interface ReadFailure {
  label: string;
  message: string;
  corpusError?: { file: string; line?: number; detail: string };
}

export type ReaderMessage =
  /**
   * The merged papers come in batches, one per request: the host copies each message on its own thread, and
   * it takes in every message already waiting in one go, so neither one large message nor many queued ones
   * may pile up.
   */
  | { type: 'papers'; papers: Paper[] }
  | {
      type: 'done';
      files: { label: string; papers: number }[];
      warnings: ReadWarning[];
      failures: ReadFailure[];
    }
  /** The worker itself failed (not a corpus file). */
  | { type: 'failed'; message: string };
