import { describe, expect, it } from 'vitest';
import { placeholderStepRecord } from './placeholder-step-record.js';

describe('placeholderStepRecord', () => {
  it('records an agent step with its agent, the given response and zero usage', () => {
    expect(placeholderStepRecord(2, { agent: 'writer', input: 'Draft' }, '<response of steps[2]>')).toEqual({
      index: 2,
      agent: 'writer',
      response: '<response of steps[2]>',
      tokens_estimated: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
      json: {},
    });
  });

  it('records a human-in-the-loop step as agent `hitl`, as at run time', () => {
    const record = placeholderStepRecord(0, { type: 'hitl', prompt: 'Approve?' }, '<response>');
    expect(record).toMatchObject({ index: 0, agent: 'hitl', response: '<response>' });
  });

  it('carries json only for an agent that declares an output_schema, when the spec is known', () => {
    const spec = {
      version: 0,
      name: 's',
      runtime: { provider: 'mock' },
      agents: { typed: { prompt: 'p', output_schema: { type: 'object' } }, plain: { prompt: 'p' } },
      pattern: { type: 'chain', config: {} },
    };
    expect(placeholderStepRecord(0, { agent: 'typed' }, 'r', spec)).toHaveProperty('json', {});
    expect(placeholderStepRecord(0, { agent: 'plain' }, 'r', spec)).not.toHaveProperty('json');
    expect(placeholderStepRecord(0, { type: 'hitl', prompt: 'ok?' }, 'r', spec)).not.toHaveProperty('json');
  });

  it('gives every record its own usage object', () => {
    const step = { agent: 'writer' };
    const first = placeholderStepRecord(0, step, 'a');
    const second = placeholderStepRecord(1, step, 'b');
    expect(first.usage).toEqual(second.usage);
    expect(first.usage).not.toBe(second.usage);
  });
});
