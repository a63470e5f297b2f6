/**
 * The index term of a word as written: lunr's token pipeline (trim, fold case and accents, drop stop words,
 * stem) applied to one word. Every step looks at one token only, so the result is cached per distinct word:
 * a corpus repeats its words so often that the cache turns the pipeline into a map lookup.
 */
import lunr from 'lunr';
import { INDEX_PIPELINE } from './lunrPipeline';

/** Enough for the distinct words of a 100k-paper corpus; past it, words are processed uncached. */
const MAX_CACHED_WORDS = 2_000_000;

export class TermPipeline {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly steps: readonly lunr.PipelineFunction[] = INDEX_PIPELINE) {}

  /** The term indexed for `word`, or undefined when nothing is indexed (a stop word, punctuation). */
  termOf(word: string): string | undefined {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const term = this.run(word);
    if (this.cache.size < MAX_CACHED_WORDS) this.cache.set(word, term ?? null);
    return term;
  }

  private run(word: string): string | undefined {
    let token: lunr.Token | undefined = new lunr.Token(word.toLowerCase(), {});
    for (let i = 0; i < this.steps.length && token; i++) {
      const result = this.steps[i]!(token, 0, [token]) as lunr.Token | lunr.Token[] | undefined | null | '';
      token = Array.isArray(result) ? result[0] : result || undefined;
    }
    const term = token?.toString();
    return term ? term : undefined;
  }
}
