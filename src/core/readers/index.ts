/**
 * Entry point: `readCorpus(bytes, file)` picks a reader by file extension and content sniffing.
 * See README.md in this folder for the accepted formats.
 */
import { CorpusError, type ReadResult } from '../model/paper';
import { decodeText } from './decode';
import { readListing } from './listing';

export { decodeText } from './decode';
export { readListing } from './listing';

export type Reader = (text: string, file: string) => ReadResult;

function extension(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function readCorpus(bytes: Uint8Array, file: string): ReadResult {
  const text = decodeText(bytes, file);
  const ext = extension(file);
  if (ext === 'txt' || ext === '' || ext === 'md') return readListing(text, file);
  throw new CorpusError(file, `unsupported corpus format ".${ext}"`);
}
