import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlugins } from '../../../spec-file/__fixtures__/fixture-executor.js';
import { nativeContext, signal, temporaryDirectory } from '../../__fixtures__/native-context.js';
import { createSpecVerifyTool } from './spec-verify.js';
import type { SpecVerifyReport } from './spec-verify-report.js';
import { verifySpecText } from './verify-spec-text.js';

async function verify(text: string, checkCapability = true): Promise<SpecVerifyReport> {
  const baseDirectory = await temporaryDirectory();
  return verifySpecText(text, checkCapability, { baseDirectory, plugins: fixturePlugins, env: {} });
}

const valid = `version: 0
name: ok
runtime: { provider: openai, model_id: m }
agents:
  a: { prompt: You help. }
pattern:
  type: chain
  config:
    steps:
      - agent: a
        input: go
`;

describe('spec_verify', () => {
  it('reports a valid spec as valid, with a summary', async () => {
    const report = await verify(valid);
    expect(report).toMatchObject({
      valid: true,
      schema_valid: true,
      capability_supported: true,
      errors: [],
      issues: [],
      spec_info: { name: 'ok', version: 0, pattern_type: 'chain', provider: 'openai', agent_count: 1 },
    });
  });

  it('locates a schema problem with pointer, line, column and a fix', async () => {
    const report = await verify(valid.replace('version: 0\n', ''));
    expect(report.valid).toBe(false);
    expect(report.schema_valid).toBe(false);
    expect(report.errors[0]).toMatchObject({
      pointer: '/version',
      line: 1,
      message: '`version` is required',
    });
    const unknown = await verify(
      valid.replace('  a: { prompt: You help. }', '  a: { prompt: You help., tols: [x] }'),
    );
    expect(unknown.errors[0]).toMatchObject({
      pointer: '/agents/a/tols',
      line: 5,
      col: expect.any(Number),
      message: expect.stringContaining('tols'),
      fix: expect.any(String),
    });
  });

  it('resolves $ref inside the working directory only: `..`, absolute paths and symlinks out are refused', async () => {
    const outside = await temporaryDirectory();
    const agentSpec =
      'version: 0\nname: secret\nruntime: { provider: openai }\nagents:\n  s: { prompt: TOP-SECRET-PROMPT }\n';
    await writeFile(join(outside, 'agent.yaml'), agentSpec);
    const baseDirectory = await temporaryDirectory();
    await mkdir(join(baseDirectory, 'agents'));
    await writeFile(
      join(baseDirectory, 'agents', 'inside.yaml'),
      agentSpec.replace('TOP-SECRET-PROMPT', 'Fine'),
    );
    await symlink(join(outside, 'agent.yaml'), join(baseDirectory, 'agents', 'link.yaml'));
    const check = (reference: string) =>
      verifySpecText(valid.replace('  a: { prompt: You help. }', `  a: { $ref: ${reference} }`), true, {
        baseDirectory,
        plugins: fixturePlugins,
        env: {},
      });
    expect((await check('./agents/inside.yaml')).valid).toBe(true);
    for (const reference of [
      join(outside, 'agent.yaml'),
      `../${outside.split('/').at(-1)}/agent.yaml`,
      './agents/link.yaml',
    ]) {
      const report = await check(reference);
      expect(report.valid, reference).toBe(false);
      expect(report.errors[0]?.message).toContain('points outside');
      expect(JSON.stringify(report)).not.toContain('TOP-SECRET-PROMPT');
    }
  });

  it('reports an unknown agent in the pattern with its location', async () => {
    const report = await verify(valid.replace('- agent: a', '- agent: b'));
    expect(report.errors[0]).toMatchObject({
      pointer: '/pattern/config/steps/0/agent',
      line: 10,
      code: 'reference',
    });
  });

  it('lists features this version cannot run as capability issues, unless asked not to', async () => {
    const text = valid.replace('agents:', 'security:\n  guardrails: { deny_network: true }\nagents:');
    const report = await verify(text);
    expect(report).toMatchObject({ valid: false, schema_valid: true, capability_supported: false });
    expect(report.issues[0]).toMatchObject({
      pointer: '/security/guardrails',
      line: 5,
      code: 'capability',
      fix: expect.any(String),
    });
    expect(await verify(text, false)).toMatchObject({ valid: true, capability_supported: null, issues: [] });
  });

  it('reports a YAML syntax error with its line', async () => {
    const report = await verify('version: 0\nname: [unclosed\n');
    expect(report.valid).toBe(false);
    expect(report.errors[0]?.line).toBeGreaterThan(0);
  });

  it('answers the model with the JSON report, and refuses an empty spec', async () => {
    const tool = createSpecVerifyTool(nativeContext({ verifySpec: (text, check) => verify(text, check) }));
    const result = await tool.call({ spec_content: valid }, signal());
    expect(result.isError).toBeUndefined();
    expect(JSON.parse(result.content)).toMatchObject({ valid: true });
    expect(await tool.call({ spec_content: '' }, signal())).toMatchObject({ isError: true });
  });
});
