// Highlight-term benchmark: the bundled seed's 52 papers repeated 100 times (5,200 titles and abstracts),
// highlighted with a realistic protocol (25 terms), with 5,000 terms drawn from the corpus's own words, and with
// hostile terms; next to the floor (folding and splitting the text into tokens, which any matcher must do)
// and to the alternative of one regular expression built from the escaped terms (timed on the 52 seed papers
// only: it is too slow for more). Writes
// bench/review-results.json.
//   node --import tsx bench/review/highlight.ts [--runs 5]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readListing } from '../../src/core/readers/listing';
import { compileHighlighter } from '../../src/core/review/highlight';
import type { HighlightSetting } from '../../src/core/review/highlightSetting';
import { foldForMatching } from '../../src/core/review/matchFold';
import { tokenize } from '../../src/core/review/matchTokens';
import { SeededRandom } from '../../src/core/screening/prng';
import { machineDescription } from '../measure/machine';
import { median } from '../measure/stats';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;

const seed = readListing(
  readFileSync(join(root, 'seeds', 'hf-daily-papers-seed.txt'), 'utf8'),
  'seed.txt',
).papers;
const papers = Array.from({ length: 100 }, () => seed).flat();

const PROTOCOL: HighlightSetting = {
  include: [
    'large language model*',
    'language model*',
    'speculative decoding',
    'reinforcement learning',
    'diffusion',
    'benchmark*',
    'multimodal',
    'reasoning',
    'agent*',
    'transformer*',
    'retrieval-augmented',
    'fine-tun*',
    'vision-language',
    'evaluat*',
    'dataset*',
  ],
  exclude: [
    'survey',
    'position paper',
    'robot*',
    'medical',
    'speech',
    'video*',
    'graph neural network*',
    'quantum',
    'protein*',
    'image generation',
  ],
};

/** 5,000 terms from the corpus's own words: a fifth of them prefixes, a tenth two-word phrases. */
function manyTerms(): HighlightSetting {
  const words = [
    ...new Set(seed.flatMap((p) => `${p.title} ${p.abstract}`.toLowerCase().split(/[^\p{L}\p{N}]+/u))),
  ].filter((w) => w.length > 2);
  const random = new SeededRandom(5);
  const terms: string[] = [];
  for (let i = 0; terms.length < 5000; i++) {
    const word = words[i % words.length]!;
    const r = random.next();
    if (r < 0.2) terms.push(`${word.slice(0, Math.max(3, word.length - 2))}*`);
    else if (r < 0.3) terms.push(`${word} ${words[random.nextInt(words.length)]}`);
    else terms.push(i < words.length ? word : `${word}${i}`);
  }
  return { include: terms.filter((_, i) => i % 2 === 0), exclude: terms.filter((_, i) => i % 2 === 1) };
}

const HOSTILE: HighlightSetting = {
  include: [
    '(',
    '[',
    '\\',
    '*',
    '',
    '(a+)+$',
    '.*',
    'x'.repeat(5000),
    'the '.repeat(1250),
    `${'a '.repeat(2500)}*`,
  ],
  exclude: ['[a-z]+', '^$', '\\d+', 'of '.repeat(1000), 'model'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The alternative design: one alternation, longest terms first, on the folded text (overlaps not resolved). */
function alternation(setting: HighlightSetting): RegExp {
  const terms = [...setting.include, ...setting.exclude]
    .map((t) => foldForMatching(t.trim()).folded)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const prefix = t.endsWith('*');
      const body = (prefix ? t.slice(0, -1) : t).split(/\s+/).map(escapeRegExp).join('\\s+');
      return prefix ? `${body}[\\p{L}\\p{N}]*` : body;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

function time(fn: () => number): { ms: number; result: number } {
  const times: number[] = [];
  let result = 0;
  fn(); // warm-up
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times) * 10) / 10, result };
}

const results: Record<string, unknown> = {
  machine: machineDescription(),
  date: new Date().toISOString().slice(0, 10),
  runs,
  papers: papers.length,
  characters: papers.reduce((n, p) => n + p.title.length + p.abstract.length, 0),
};

results.floor_fold_and_tokens_ms = time(() => {
  let n = 0;
  for (const p of papers)
    n +=
      tokenize(foldForMatching(p.title).folded).words.length +
      tokenize(foldForMatching(p.abstract).folded).words.length;
  return n;
}).ms;

for (const [name, setting] of [
  ['protocol_25_terms', PROTOCOL],
  ['corpus_5000_terms', manyTerms()],
  ['hostile_terms', HOSTILE],
] as const) {
  console.error(`[bench] ${name}`);
  const compile = time(() => {
    compileHighlighter(setting);
    return 0;
  });
  const highlighter = compileHighlighter(setting);
  const match = time(() => {
    let n = 0;
    for (const p of papers) {
      const h = highlighter.highlight(p);
      n += h.title.length + h.abstract.length;
    }
    return n;
  });
  const regex = alternation(setting);
  const regexCompile = time(() => {
    alternation(setting).test('');
    return 0;
  });
  // The alternation is timed on the 52 seed papers only: with 5,000 terms it takes tens of ms per abstract.
  const regexMatch = time(() => {
    let n = 0;
    for (const p of seed) {
      for (const text of [p.title, p.abstract]) {
        regex.lastIndex = 0;
        for (const m of foldForMatching(text).folded.matchAll(regex)) n += m[0].length > 0 ? 1 : 0;
      }
    }
    return n;
  });
  results[name] = {
    // Each range is one highlighted occurrence; the alternation's matches are not resolved for overlaps.
    terms: setting.include.length + setting.exclude.length,
    compile_ms: compile.ms,
    highlight_all_ms: match.ms,
    per_paper_us: Math.round((match.ms * 1000) / papers.length),
    ranges: match.result,
    alternation_regex: {
      compile_ms: regexCompile.ms,
      seed_ms: regexMatch.ms,
      per_paper_us: Math.round((regexMatch.ms * 1000) / seed.length),
      matches_in_seed: regexMatch.result,
    },
  };
}

writeFileSync(join(root, 'bench', 'review-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
