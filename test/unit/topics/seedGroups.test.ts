import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/model/paper';
import { computeTopics } from '../../../src/core/topics';
import { byTitle, hfPapers, seedPapers } from '../search/corpora';

/** Titles (by prefix) that a researcher would file together; each list must land in one topic. */
function assertTogether(papers: Paper[], groups: string[][]): void {
  const topics = computeTopics(papers);
  const topicOf = new Map(topics.flatMap((t) => t.paperIds.map((id) => [id, t.label] as const)));
  for (const group of groups) {
    const labels = group.map((prefix) => topicOf.get(byTitle(papers, prefix).id));
    assert.equal(new Set(labels).size, 1, `${group.join(' / ')} → ${labels.join(' / ')}`);
  }
}

test('seed: papers on one subject land together', () => {
  assertTogether(seedPapers(), [
    ['Continuous Speculative Decoding', 'LANTERN'],
    [
      'iTransformer',
      'TEMPO',
      'Generative Pretrained Hierarchical Transformer for Time Series',
      'Generative Pre-Trained Diffusion Paradigm for Zero-Shot Time Series',
      'Effectively Modeling Time Series',
      'AR-Net',
      'Generative Modeling of Regular and Irregular Time Series',
    ],
    [
      'Transformers Can Do Bayesian Inference',
      'Distribution Transformers',
      'Scale Mixtures of Neural Network Gaussian',
    ],
    ['ControlAR', 'FlowAR', 'DiSA', 'Token-Shuffle', 'M-VAR', 'Improving Autoregressive Image Generation'],
  ]);
});

test('seed: the time-series papers get a time-series label', () => {
  const papers = seedPapers();
  const topic = computeTopics(papers).find((t) => t.paperIds.includes(byTitle(papers, 'iTransformer').id))!;
  assert.match(topic.label, /^Time series/);
});

test('hf-daily-papers: papers on one subject land together', () => {
  assertTogether(hfPapers(), [
    ['SparseD', 'Sequential Diffusion Language Models', 'Taming Masked Diffusion Language Models'],
    ['SANA-Video', 'Rolling Forcing'],
    ['Scaling Generalist Data-Analytic Agents', 'Efficient Multi-turn RL for GUI Agents'],
    ['Random Policy Valuation', 'Beyond the Exploration-Exploitation Trade-off', 'SIRI'],
    ['GSM8K-V', 'IWR-Bench', 'RealUnify'],
  ]);
});
