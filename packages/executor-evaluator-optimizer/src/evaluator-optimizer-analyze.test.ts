import type { WorkflowSpec } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { analyzeEvaluatorOptimizer } from './evaluator-optimizer-analyze.js';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';

const spec = {
  agents: { 'my/writer': { prompt: 'Write about {{ topic }}.' }, critic: { prompt: 'Judge.' } },
} as unknown as WorkflowSpec;

const config: EvaluatorOptimizerConfig = {
  producer: 'my/writer',
  evaluator: { agent: 'critic', input: 'Judge {{ draft }}' },
  accept: { min_score: 85 },
  revise_prompt: 'Fix {{ draft }}: {{ evaluation.issues }} at {{ iteration }}',
  review_gate: {
    type: 'hitl',
    prompt: 'ok?',
    context_display: '{{ iterations[-1].score }}',
    validation: { pattern: '(' },
  },
};

describe('analyzeEvaluatorOptimizer', () => {
  const analysis = analyzeEvaluatorOptimizer(config, spec);

  it('lists every template with the names its place sees', () => {
    expect(analysis.templates.map((site) => [site.pointer, Object.keys(site.scope)])).toEqual([
      ['/agents/my~1writer/prompt', []],
      ['/pattern/config/evaluator/input', ['draft']],
      ['/pattern/config/revise_prompt', ['draft', 'evaluation', 'iteration', 'hitl_response']],
      [
        '/pattern/config/review_gate/context_display',
        ['draft', 'evaluation', 'iteration', 'iteration_index', 'iterations', 'min_score', 'max_iters'],
      ],
    ]);
    expect(analysis.agentReferences.map((reference) => reference.id)).toEqual(['my/writer', 'critic']);
  });

  it('reports a review pattern that does not compile', () => {
    expect(analysis.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/review_gate/validation/pattern', code: 'schema' }),
    ]);
  });

  it('draws the loop labelled with the score test and describes the artifact context', () => {
    expect(analysis.graph.edges).toContainEqual({
      from: 'evaluator',
      to: 'review',
      label: 'score < min_score (85)',
    });
    const plain = analyzeEvaluatorOptimizer({ ...config, review_gate: undefined }, spec);
    expect(plain.graph.edges).toContainEqual({
      from: 'evaluator',
      to: 'producer',
      label: 'score < min_score (85)',
    });
    expect(Object.keys(plain.artifactScope ?? {})).toEqual([
      'iterations',
      'final_score',
      'min_score',
      'max_iters',
      'history',
      'last_evaluation',
      'execution_context',
    ]);
  });
});
