import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { AgentLoopResult } from '../agent-loop.js';
import type { AgentContract } from './agent-contracts.js';
import { runWithContract } from './contract-invocation.js';
import { compileSchema } from './json-schema-check.js';

const priority = {
  type: 'object',
  properties: { priority: { enum: ['low', 'high'] } },
  required: ['priority'],
};

async function contractOf(input?: object, output?: object): Promise<AgentContract> {
  const side = async (schema: object | undefined) =>
    schema === undefined
      ? undefined
      : {
          schema: schema as Record<string, unknown>,
          check: await compileSchema(schema as Record<string, unknown>),
        };
  const [inputSide, outputSide] = [await side(input), await side(output)];
  return { ...(inputSide ? { input: inputSide } : {}), ...(outputSide ? { output: outputSide } : {}) };
}

/** A scripted conversation: answers in order, remembering each input it was given. */
function scripted(...answers: string[]) {
  const inputs: string[] = [];
  const run = async (input: string): Promise<AgentLoopResult> => {
    inputs.push(input);
    return {
      text: answers[inputs.length - 1] ?? '',
      usage: { inputTokens: 1, outputTokens: 2 },
      turns: 1,
      toolCalls: 0,
      toolsUsed: [],
    };
  };
  return { inputs, run };
}

describe('runWithContract', () => {
  it('parses a conforming answer, fenced or not, into json', async () => {
    const contract = await contractOf(undefined, priority);
    const { run } = scripted('Here:\n```json\n{"priority": "high"}\n```');
    const result = await runWithContract(contract, 'ticket', {}, 'triage', run);
    expect(result.json).toEqual({ priority: 'high' });
  });

  it('retries once with the problem and the previous answer, then passes', async () => {
    const contract = await contractOf(undefined, priority);
    const { inputs, run } = scripted('{"priority": "urgent"}', '{"priority": "low"}');
    const result = await runWithContract(contract, 'ticket', {}, 'triage', run);
    expect(result.json).toEqual({ priority: 'low' });
    expect(result.usage).toEqual({ inputTokens: 2, outputTokens: 4 });
    expect(inputs[1]).toContain('at /priority: must be equal to one of the allowed values');
    expect(inputs[1]).toContain('{"priority": "urgent"}');
  });

  it('fails with exit 10 naming the first failing pointer after a second mismatch', async () => {
    const contract = await contractOf(undefined, priority);
    const { run } = scripted('{"priority": "urgent"}', '{"level": 1}');
    const error = await runWithContract(contract, 'ticket', {}, 'triage', run).catch(
      (caught: unknown) => caught,
    );
    expect(RuntimeFailure.isInstance(error)).toBe(true);
    expect((error as RuntimeFailure).exitCode).toBe(10);
    expect((error as Error).message).toContain("at /: must have required property 'priority'");
  });

  it('checks a JSON input, or else the variables, before any call', async () => {
    const contract = await contractOf({ type: 'object', required: ['subject'] });
    const { inputs, run } = scripted('ok');
    const error = await runWithContract(contract, '{"body": "x"}', { subject: 'yes' }, 'a', run).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toContain("input_schema: at /: must have required property 'subject'");
    await expect(runWithContract(contract, 'Subject: yes', {}, 'a', run)).rejects.toThrow(/input_schema/);
    expect(inputs).toEqual([]);
    await runWithContract(contract, 'Subject: yes', { subject: 'yes' }, 'a', run);
    expect(inputs).toEqual(['Subject: yes']);
  });
});

describe('compileSchema', () => {
  it('accepts a draft-07 schema and reports the failing pointer', async () => {
    const check = await compileSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { n: { type: 'number' } },
    });
    expect(check({ n: 1 })).toBeUndefined();
    expect(check({ n: 'x' })).toEqual({ pointer: '/n', message: 'must be number' });
  });
});
