/**
 * The fixed query mix of the benchmark: single words (common to rare), several words, quoted phrases,
 * prefixes, field queries, required/prohibited terms, typos (with and without lunr's ~ operator), accents,
 * and a few malformed inputs. The words occur in the synthetic corpora (their vocabulary comes from real text).
 */
export const QUERIES: readonly string[] = [
  'model',
  'reasoning',
  'diffusion',
  'transformer',
  'quantum',
  'protein',
  'segmentation',
  'forecasting',
  'language model reasoning',
  'stress symptoms trauma',
  'video generation benchmark',
  'reinforcement learning agents',
  'image segmentation',
  '"speculative decoding"',
  '"posttraumatic stress"',
  '"large language models"',
  'autoreg*',
  'lang*',
  'diffus*',
  'segment*',
  'trans*',
  'quant*',
  'title:survey',
  'title:diffusion',
  'abstract:retrieval',
  'authors:pryrk',
  'title:benchmark abstract:video',
  '+graph -neural',
  '+diffusion +video',
  '+reasoning -language',
  'trauma -depression',
  'transfromer~1',
  'reasoing~1',
  'difusion~1',
  'speculatve decodng',
  'benchmrak',
  'Fréchet',
  'frechet distance',
  'model:',
  '"unclosed quote',
];

/** What a user types into the palette, one keystroke at a time. */
export const TYPED_QUERIES: readonly string[] = [
  'speculative decoding',
  'diffusion model',
  'frechet',
  'transfomer attention',
  'reinforcement learning agents',
  'protein structure',
  'stress symptoms',
  'video generation',
];

/** Every prefix of every typed query: the palette's work per keystroke. */
export function keystrokes(): string[] {
  return TYPED_QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}
