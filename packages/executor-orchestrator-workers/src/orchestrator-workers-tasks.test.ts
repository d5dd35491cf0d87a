import { describe, expect, it } from 'vitest';
import { extractTasks, orchestratorPrompt } from './orchestrator-workers-tasks.js';

describe('extractTasks', () => {
  it('reads a bare array, a fenced block and an array inside prose', () => {
    expect(extractTasks('[{"task": "a"}, {"task": "b", "why": 1}]')).toEqual(['a', 'b']);
    expect(extractTasks('Sure:\n```json\n[{"task": "a"}]\n```')).toEqual(['a']);
    expect(extractTasks('Here you go: [{"task": "a"}] done')).toEqual(['a']);
  });

  it('accepts an empty plan and refuses anything that is not a task list', () => {
    expect(extractTasks('[]')).toEqual([]);
    expect(extractTasks('{"task": "a"}')).toBeUndefined();
    expect(extractTasks('[{"task": 3}]')).toBeUndefined();
    expect(extractTasks('no idea')).toBeUndefined();
  });
});

describe('orchestratorPrompt', () => {
  it('embeds the variables, and later rounds show the results and the tasks left', () => {
    expect(orchestratorPrompt({ topic: 'tea' }, 1, [], undefined)).toContain('Variables: {"topic":"tea"}');
    const next = orchestratorPrompt({}, 2, [{ task: 'a', response: 'done', status: 'success' }], 2);
    expect(next).toContain('Round 1 is done');
    expect(next).toContain('"response": "done"');
    expect(next).toContain('at most 2 more task(s)');
  });
});
