import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { AgentContracts, outputContractSection } from './agent-contracts.js';

function specWith(agent: Record<string, unknown>): WorkflowSpec {
  return { agents: { a: { prompt: 'p', ...agent } } } as unknown as WorkflowSpec;
}

describe('AgentContracts', () => {
  it('reads a schema path relative to the base directory and compiles it once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'contracts-'));
    await writeFile(join(directory, 'out.json'), JSON.stringify({ type: 'object', required: ['x'] }));
    const contracts = new AgentContracts(specWith({ output_schema: './out.json' }), directory);
    const contract = await contracts.get('a');
    expect(contract.output?.check({ x: 1 })).toBeUndefined();
    expect(contract.output?.check({})).toMatchObject({ pointer: '' });
    expect(await contracts.get('a')).toBe(contract);
  });

  it('has no contract for an agent without schemas', async () => {
    expect(await new AgentContracts(specWith({}), '/').get('a')).toEqual({});
  });

  it('names the agent and the path of an unreadable schema', async () => {
    const contracts = new AgentContracts(specWith({ input_schema: './missing.json' }), '/nowhere');
    await expect(contracts.get('a')).rejects.toThrow(
      /cannot read agents\.a\.input_schema \(\/nowhere\/missing\.json\)/,
    );
  });

  it('puts the schema in the output instruction', () => {
    expect(outputContractSection({ type: 'object' })).toContain('"type": "object"');
  });
});
