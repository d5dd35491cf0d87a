import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProvider, loadSpec } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { bufferIO, projectWithFakeProvider } from '../__fixtures__/fake-provider-package.js';
import { nodeLine, versionAtLeast, withDeadline } from '../doctor/doctor-checks.js';
import { specProviderLines } from '../doctor/doctor-spec.js';
import { main } from '../main.js';
import { pluginSources } from '../plugins/plugin-sources.js';

const spec = (host?: string) =>
  [
    'version: 1',
    'name: doctor-check',
    'runtime:',
    '  provider: "@fixtures/strands-provider-fake"',
    host ? `  host: ${host}` : '',
    'agents:',
    '  a:',
    '    prompt: A',
    '  b:',
    '    prompt: B',
    'pattern:',
    '  type: chain',
    '  config:',
    '    steps:',
    '      - agent: a',
    '        input: hi',
    '      - agent: b',
    '        input: hi',
  ].join('\n');

describe('strands doctor', () => {
  it('reports Node and the installed plugins with their versions', async () => {
    const { io, stdout } = bufferIO(process.cwd());
    expect(await main(['doctor'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain(`✓ Node ${process.versions.node}`);
    expect(text).toMatch(/✓ @strands-cli\/core \d+\.\d+\.\d+/);
    expect(text).toMatch(/✓ @strands-cli\/executor-chain \d+\.\d+\.\d+ \(pattern chain\)/);
    expect(text).toMatch(/@strands-cli\/provider-openai .*\(provider openai\)/);
    expect(text).toContain('All checks passed');
  });

  it('checks the credentials and reachability of each provider endpoint of a spec', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec());
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'set' });
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('✓ provider @fixtures/strands-provider-fake for agents a, b');
    expect(text).toContain('✓   package @fixtures/strands-provider-fake 1.2.3');
    expect(text).toContain('✓   credentials: FAKE_KEY set');
    expect(text).toContain('✓   fake endpoint: reachable');
  });

  it('warns about missing credentials and fails on an unreachable endpoint (exit 10)', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec('http://127.0.0.1:9'));
    const { io, stdout } = bufferIO(directory);
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(10);
    const text = stdout();
    expect(text).toContain('!   credentials: none of FAKE_KEY is set');
    expect(text).toContain('✗   fake endpoint: connection refused');
    expect(text).toMatch(/1 problem\(s\) found, \d+ warning\(s\)/);
  });

  it('checks no endpoint the spec chose that would get an unapproved credential', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec('http://example.invalid:9'));
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'set' });
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(10);
    const text = stdout();
    expect(text).toContain('✗   endpoint: Refused to send FAKE_KEY to example.invalid:9');
    expect(text).toContain('--allow-endpoint http://example.invalid:9');
    expect(text).not.toContain('fake endpoint');
  });

  it('checks an endpoint the spec chose once --allow-endpoint approves it', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec('http://example.invalid:9'));
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'set' });
    const args = ['doctor', 'spec.yaml', '--allow-endpoint', 'http://example.invalid:9'];
    await main(args, io);
    const text = stdout();
    expect(text).not.toContain('Refused to send FAKE_KEY');
    expect(text).toContain('fake endpoint');
  });

  it('rejects an --allow-endpoint that is not an http(s) URL (exit 2)', async () => {
    const { io, stderr } = bufferIO(await projectWithFakeProvider());
    expect(await main(['doctor', '--allow-endpoint', 'example.invalid'], io)).toBe(2);
    expect(stderr()).toContain("--allow-endpoint 'example.invalid' is not an http(s) URL");
  });

  it('fails when settings cannot be resolved, with the fix', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec());
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'missing' });
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(10);
    expect(stdout()).toContain('✗   settings: FAKE_KEY is not valid');
    expect(stdout()).toContain('fix: Set FAKE_KEY.');
  });

  it('says once that a credential is refused, and gives one verdict', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), spec());
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'missing' });
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(10);
    expect(stdout().match(/✗ {3}settings: FAKE_KEY/g)).toHaveLength(1);
    expect(stdout()).not.toContain('!   credentials');
    expect(stdout().match(/problem\(s\) found|All checks passed/g)).toHaveLength(1);
  });

  it('loads each provider once, however many agents and endpoints use it', async () => {
    const directory = await projectWithFakeProvider();
    const file = join(directory, 'spec.yaml');
    await writeFile(file, spec());
    const { io } = bufferIO(directory, { FAKE_KEY: 'set' });
    const sources = pluginSources(file, io);
    const loaded = await loadSpec(file, { plugins: sources, env: io.env });
    const loads: string[] = [];
    const lines = await specProviderLines(loaded, sources, io.env, (name, from) => {
      loads.push(name);
      return loadProvider(name, from);
    });
    expect(loads).toEqual(['@fixtures/strands-provider-fake']);
    expect(lines.map((line) => line.text)).toContain('  package @fixtures/strands-provider-fake 1.2.3');
  });

  it('exits 3 when the spec does not load', async () => {
    const directory = await projectWithFakeProvider();
    await writeFile(join(directory, 'spec.yaml'), 'version: 1\nname: broken\n');
    const { io } = bufferIO(directory);
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(3);
  });
});

describe('doctor checks', () => {
  it('compares versions', () => {
    expect(versionAtLeast('20.19.0', '20.19.0')).toBe(true);
    expect(versionAtLeast('22.1.0', '20.19.0')).toBe(true);
    expect(versionAtLeast('20.18.3', '20.19.0')).toBe(false);
    expect(nodeLine('18.0.0')).toMatchObject({ status: 'error' });
  });

  it('gives up on a check that does not answer in time', async () => {
    let aborted = false;
    const hanging = (signal: AbortSignal) =>
      new Promise<never>(() => {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
      });
    await expect(withDeadline(hanging, 20)).rejects.toThrow('no answer within 0.02 s');
    expect(aborted).toBe(true);
  });
});
