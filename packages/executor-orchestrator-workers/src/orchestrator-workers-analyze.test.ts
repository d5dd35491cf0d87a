import { describe, expect, it } from 'vitest';
import { analyzeOrchestratorWorkers } from './orchestrator-workers-analyze.js';
import { orchestratorWorkersConfigSchema } from './orchestrator-workers-config.js';

describe('analyzeOrchestratorWorkers', () => {
  const config = orchestratorWorkersConfigSchema.parse({
    orchestrator: { agent: 'planner', limits: { max_rounds: 3 } },
    decomposition_review: { type: 'hitl', prompt: 'ok?', context_display: '{{ task_count }}' },
    worker_template: { agent: 'worker', tools: ['calculator'] },
    reduce_review: {
      type: 'hitl',
      prompt: 'ok?',
      context_display: '{{ worker_count }}',
      validation: { pattern: '(' },
    },
    reduce: { agent: 'editor', input: '{{ workers[0].response }}', tool_overrides: ['file_read'] },
    writeup: { agent: 'editor', input: '{{ reduce_response }} {{ hitl_response }}' },
  });
  const analysis = analyzeOrchestratorWorkers(config);
  const site = (pointer: string) => analysis.templates.find((template) => template.pointer === pointer);

  it('shows the plan, not the workers, to the decomposition review', () => {
    const review = site('/pattern/config/decomposition_review/context_display');
    expect(review?.scope).not.toHaveProperty('workers');
    expect(review?.scope).toMatchObject({ task_count: 1, round: 1 });
  });

  it('lets reduce and writeup see the workers, and only writeup the reduce response', () => {
    expect(site('/pattern/config/reduce/input')?.scope).toMatchObject({ num_workers: 1, round_count: 1 });
    expect(site('/pattern/config/reduce/input')?.scope).not.toHaveProperty('reduce_response');
    expect(site('/pattern/config/writeup/input')?.scope).toHaveProperty('reduce_response');
    expect(site('/pattern/config/reduce_review/context_display')?.scope).toHaveProperty('worker_count');
  });

  it('lists references and reports an invalid validation pattern', () => {
    expect(analysis.agentReferences.map((reference) => reference.id)).toEqual([
      'planner',
      'worker',
      'editor',
      'editor',
    ]);
    expect(analysis.toolReferences).toEqual([
      { id: 'calculator', pointer: '/pattern/config/worker_template/tools/0' },
      { id: 'file_read', pointer: '/pattern/config/reduce/tool_overrides/0' },
    ]);
    expect(analysis.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/reduce_review/validation/pattern' }),
    ]);
  });

  it('draws the round loop when more than one round may run', () => {
    expect(analysis.graph.edges).toContainEqual({
      from: 'workers',
      to: 'orchestrator',
      label: 'next round (up to 3)',
    });
    const single = analyzeOrchestratorWorkers(
      orchestratorWorkersConfigSchema.parse({
        orchestrator: { agent: 'p' },
        worker_template: { agent: 'w' },
      }),
    );
    expect(single.graph.edges).toEqual([{ from: 'orchestrator', to: 'workers', label: 'tasks' }]);
    expect(single.artifactScope).not.toHaveProperty('reduce_response');
  });
});
