/**
 * The text processing lunr applies to indexed words and query terms. Both sides fold case and accents,
 * trim punctuation with Unicode awareness (lunr's own trimmer only knows ASCII) and stem; stop words are
 * dropped on both sides so a required stop word ("+the") does not empty the result list.
 *
 * The functions are registered under fixed labels because a serialised index names its pipeline by label.
 */
import lunr from 'lunr';
import { foldText } from './fold';
import { wordSpans } from './words';

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function trimToWord(token: lunr.Token): lunr.Token | undefined {
  token.update((s) => s.replace(EDGE_PUNCTUATION, ''));
  return token.toString() === '' ? undefined : token;
}

function foldAccents(token: lunr.Token): lunr.Token | undefined {
  token.update((s) => foldText(s));
  return token.toString() === '' ? undefined : token;
}

function register(fn: lunr.PipelineFunction, label: string): lunr.PipelineFunction {
  const registry = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
    .registeredFunctions;
  if (!(label in registry)) lunr.Pipeline.registerFunction(fn, label);
  return fn;
}

const trim = register(trimToWord as lunr.PipelineFunction, 'litriage-trim');
const fold = register(foldAccents as lunr.PipelineFunction, 'litriage-fold');

/** Functions applied to every indexed word, in order. */
export const INDEX_PIPELINE: readonly lunr.PipelineFunction[] = [
  trim,
  fold,
  lunr.stopWordFilter,
  lunr.stemmer,
];
/** Functions applied to every query term (wildcard terms bypass them, see query sanitising). */
export const SEARCH_PIPELINE: readonly lunr.PipelineFunction[] = [
  trim,
  fold,
  lunr.stopWordFilter,
  lunr.stemmer,
];

/**
 * lunr tokenizer replacement: positions are measured on the original text (lunr lower-cases first,
 * which can shift positions), and words split on all punctuation, not only spaces and hyphens.
 */
export function tokenizeForIndex(value: unknown, metadata?: object): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.map(String).join(' \n ') : String(value);
  return wordSpans(text).map(
    (span, index) =>
      new lunr.Token(span.text.toLowerCase(), {
        ...(metadata ?? {}),
        position: [span.start, span.end - span.start],
        index,
      }),
  );
}
