import type { WorkflowSpec } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from './workflow-analyze.js';
import { maxWorkflowTasks, workflowConfigSchema } from './workflow-config.js';

const spec = {} as WorkflowSpec;
const analyze = (tasks: unknown[]) => analyzeWorkflow(workflowConfigSchema.parse({ tasks }), spec);

describe('workflow config schema', () => {
  it('accepts agent tasks and human tasks, strictly', () => {
    expect(workflowConfigSchema.safeParse({ tasks: [{ id: 'a', agent: 'x', deps: [] }] }).success).toBe(true);
    expect(
      workflowConfigSchema.safeParse({ tasks: [{ id: 'r', type: 'hitl', prompt: 'ok?', deps: ['a'] }] })
        .success,
    ).toBe(true);
    expect(workflowConfigSchema.safeParse({ tasks: [{ id: 'a', agent: 'x', depends: ['b'] }] }).success).toBe(
      false,
    );
    expect(workflowConfigSchema.safeParse({ tasks: [{ id: 'a b', agent: 'x' }] }).success).toBe(false);
  });
});

describe('analyzeWorkflow', () => {
  const diamond = analyze([
    { id: 'collect', agent: 'researcher', input: 'Go' },
    { id: 'left', agent: 'analyst', deps: ['collect'], input: '{{ tasks.collect.response }}' },
    { id: 'right', agent: 'analyst', deps: ['collect'], input: '{{ tasks.left.response }}' },
    { id: 'merge', agent: 'writer', deps: ['left', 'right'], input: '{{ tasks.collect.response }}' },
  ]);

  it('lets a task see exactly its ancestors', () => {
    const scopes = diamond.templates.map((site) => Object.keys(site.scope.tasks as object));
    expect(scopes).toEqual([[], ['collect'], ['collect'], ['collect', 'left', 'right']]);
    expect(diamond.templates[2]?.hint).toContain('race');
    expect(diamond.templates[2]?.hint).toContain('tasks.collect');
  });

  it('records tasks as the executor does', () => {
    expect((diamond.artifactScope!.tasks as Record<string, unknown>).left).toEqual({
      response: '<response of task left>',
      status: 'success',
      agent: 'analyst',
      tokens_estimated: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
    });
  });

  it('gives a task `.json` only when its agent declares an output_schema', () => {
    const typed = {
      agents: { analyst: { prompt: 'p', output_schema: { type: 'object' } } },
    } as unknown as WorkflowSpec;
    const config = workflowConfigSchema.parse({ tasks: [{ id: 'a', agent: 'analyst' }] });
    const tasks = analyzeWorkflow(config, typed).artifactScope!.tasks as Record<
      string,
      Record<string, unknown>
    >;
    expect(tasks.a).toHaveProperty('json', {});
  });

  it('draws the DAG from deps', () => {
    expect(diamond.graph.edges).toEqual([
      { from: 'collect', to: 'left' },
      { from: 'collect', to: 'right' },
      { from: 'left', to: 'merge' },
      { from: 'right', to: 'merge' },
    ]);
    expect(diamond.issues).toEqual([]);
  });

  it('analyses a 16,000-task chain: each task sees all tasks before it, one hint names the first 20', () => {
    const tasks = Array.from({ length: 16_000 }, (_, i) =>
      i === 0
        ? { id: 't0', agent: 'x', input: 'go' }
        : { id: `t${i}`, agent: 'x', deps: [`t${i - 1}`], input: `{{ tasks.t${i - 1}.response }}` },
    );
    const analysis = analyzeWorkflow({ tasks } as never, spec);
    expect(analysis.issues).toEqual([]);
    expect(analysis.templates).toHaveLength(16_000);
    expect(Object.keys(analysis.templates[15_999]?.scope.tasks as object)).toHaveLength(15_999);
    expect(analysis.templates[15_999]?.hint).toContain('tasks.t19, and 15979 more');
  });

  it('refuses more tasks than the limit, with the schema message', () => {
    const tasks = Array.from({ length: maxWorkflowTasks + 1 }, (_, i) => ({ id: `t${i}`, agent: 'x' }));
    const result = workflowConfigSchema.safeParse({ tasks });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['tasks'],
      code: 'too_big',
      maximum: maxWorkflowTasks,
    });
  });

  it('reports duplicate ids, unknown deps, self-dependencies and cycles naming the tasks', () => {
    const analysis = analyze([
      { id: 'a', agent: 'x', deps: ['c'] },
      { id: 'b', agent: 'x', deps: ['a', 'ghost'] },
      { id: 'c', agent: 'x', deps: ['b', 'c'] },
      { id: 'a', agent: 'x' },
    ]);
    expect(analysis.issues.map((issue) => [issue.code, issue.pointer, issue.message])).toEqual([
      ['reference', '/pattern/config/tasks/1/deps/1', 'task `b` depends on `ghost`, which is not a task'],
      ['cycle', '/pattern/config/tasks/2/deps/1', 'task `c` depends on itself'],
      ['duplicate', '/pattern/config/tasks/3/id', 'duplicate task id `a`'],
      ['cycle', '/pattern/config/tasks/0/deps', 'dependency cycle: `a` → `b` → `c` → `a`'],
    ]);
  });
});

describe('analyzeWorkflow with human tasks', () => {
  const analysis = analyze([
    { id: 'draft', agent: 'writer', input: 'Go' },
    {
      id: 'review',
      type: 'hitl',
      deps: ['draft'],
      prompt: 'OK?',
      context_display: '{{ tasks.draft.response }}',
    },
    { id: 'free', agent: 'writer', input: 'x' },
    { id: 'final', agent: 'writer', deps: ['review'], input: '{{ hitl_response }}' },
  ]);

  it('checks context_display with the ancestors, and offers hitl_response only after a human task', () => {
    const scopes = Object.fromEntries(analysis.templates.map((site) => [site.pointer, site.scope]));
    expect(Object.keys(scopes['/pattern/config/tasks/1/context_display']?.tasks ?? {})).toEqual(['draft']);
    expect(scopes['/pattern/config/tasks/1/context_display']).not.toHaveProperty('hitl_response');
    expect(scopes['/pattern/config/tasks/2/input']).not.toHaveProperty('hitl_response');
    expect(scopes['/pattern/config/tasks/3/input']).toHaveProperty('hitl_response');
    expect(analysis.artifactScope).toHaveProperty('hitl_response');
    const tasks = analysis.artifactScope?.tasks as Record<string, { agent: string }> | undefined;
    expect(tasks?.review?.agent).toBe('hitl');
  });
});
