import { test } from 'node:test';
import assert from 'node:assert/strict';
import lunr from 'lunr';
import { SearchIndex } from '../../../src/core/search';
import { INDEX_PIPELINE, SEARCH_PIPELINE, tokenizeForIndex } from '../../../src/core/search/lunrPipeline';
import { parseQuery, type QueryTarget } from '../../../src/core/search/safeQuery';
import { hfPapers, seedPapers } from './corpora';

// The compact index must rank and score like a lunr.Index built the way the search used to build one.
const papers = [...seedPapers(), ...hfPapers()];
const tags = new Map([[papers[3]!.id, ['favourite', 'to-read']]]);

function referenceLunr(): lunr.Index {
  const builder = new lunr.Builder();
  builder.ref('id');
  builder.tokenizer = tokenizeForIndex as unknown as typeof lunr.tokenizer;
  builder.pipeline.add(...INDEX_PIPELINE);
  builder.searchPipeline.add(...SEARCH_PIPELINE);
  builder.field('title', { boost: 5 });
  builder.field('abstract', { boost: 1 });
  builder.field('authors', { boost: 2 });
  builder.field('tags', { boost: 3 });
  for (const p of papers) {
    builder.add({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      authors: (p.authors ?? []).join('; '),
      tags: (tags.get(p.id) ?? []).join(' ; '),
    });
  }
  return builder.build();
}

const reference = referenceLunr();
const target: QueryTarget = {
  fields: ['title', 'abstract', 'authors', 'tags'],
  searchTerm: (word) => (reference as unknown as { pipeline: lunr.Pipeline }).pipeline.runString(word)[0],
  expansionCount: (term) =>
    (reference as unknown as { tokenSet: lunr.TokenSet }).tokenSet
      .intersect((lunr.TokenSet as unknown as { fromString(s: string): lunr.TokenSet }).fromString(term))
      .toArray().length,
};

function lunrResults(query: string): { id: string; score: number }[] {
  const { clauses } = parseQuery(target, query);
  if (clauses.length === 0) return [];
  return reference
    .query((q) => {
      for (const clause of clauses) q.clause({ ...clause } as unknown as lunr.Query.Clause);
    })
    .map((r) => ({ id: r.ref, score: r.score }));
}

const index = SearchIndex.build(papers, { tags });
const QUERIES = [
  'diffusion',
  'speculative decoding',
  'time series forecasting',
  'large language models reasoning',
  'title:survey',
  'abstract:video generation',
  'autoreg*',
  '*ion',
  'trans*er',
  '+diffusion -autoregressive',
  '+speculative +decoding',
  '-diffusion',
  'difusion~1',
  'reasoing~2',
  'tags:favourite',
  'title:model^3 abstract:benchmark',
  'Fréchet',
];

test('scores and rankings equal those of a lunr.Index over the same papers', () => {
  for (const query of QUERIES) {
    const expected = lunrResults(query);
    const actual = index.search(query);
    assert.ok(expected.length > 0, `${query}: the reference finds something`);
    assert.deepEqual(
      actual.map((h) => h.id).sort(),
      expected.map((h) => h.id).sort(),
      `${query}: same papers`,
    );
    const scoreOf = new Map(actual.map((h) => [h.id, h.score]));
    for (const hit of expected) {
      // lunr rounds its stored weights to 3 decimals; the compact index does not.
      const score = scoreOf.get(hit.id)!;
      assert.ok(
        Math.abs(score - hit.score) <= 0.01 + hit.score * 0.002,
        `${query}: ${score} vs ${hit.score}`,
      );
    }
  }
});
