import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO, projectWithFakeProvider } from '../__fixtures__/fake-provider-package.js';
import { main } from '../main.js';

/** A secret with characters JSON escapes, declared in `env.secrets`. */
const secret = 'pa"ss\\word-1234';
/** How it looks inside a JSON string: what a model writes when it answers with JSON. */
const escaped = JSON.stringify(secret).slice(1, -1);

/** One step whose input is `--var note=...`; the fake provider answers `echo: <input>`. */
async function project(): Promise<string> {
  const directory = await projectWithFakeProvider();
  const yaml = [
    'version: 1',
    'name: Secrets',
    'runtime:',
    '  provider: "@fixtures/strands-provider-fake"',
    'env:',
    '  secrets:',
    '    - source: env',
    '      key: DB_LOGIN',
    'inputs:',
    '  values:',
    '    note: none',
    'agents:',
    '  writer:',
    '    prompt: You write.',
    'pattern:',
    '  type: chain',
    '  config:',
    '    steps:',
    '      - agent: writer',
    '        input: "{{ note }}"',
  ].join('\n');
  await writeFile(join(directory, 'spec.yaml'), yaml);
  return directory;
}

describe('strands run redacts the same secrets on every channel', () => {
  it('hides a secret the model wrote JSON-escaped in --json as on plain stdout', async () => {
    const directory = await project();
    const env = { DB_LOGIN: secret };
    const args = ['run', 'spec.yaml', '--out', 'out', '--var', `note={"password": "${escaped}"}`];
    const plain = bufferIO(directory, env);
    expect(await main(args, plain.io)).toBe(0);
    expect(plain.stdout()).toBe('echo: {"password": "[REDACTED]"}\n');

    const json = bufferIO(directory, env);
    expect(await main([...args, '--json', '--force'], json.io)).toBe(0);
    expect(json.stdout()).not.toContain('word-1234');
    expect(JSON.parse(json.stdout()).response).toBe('echo: {"password": "[REDACTED]"}');
  });

  it('hides a secret-looking variable (MY_SESSION) on the terminal, as a cassette does', async () => {
    const directory = await project();
    const { io, stdout, stderr } = bufferIO(directory, { DB_LOGIN: secret, MY_SESSION: 'abcdefghij' });
    expect(await main(['run', 'spec.yaml', '--out', 'out', '--var', 'note=abcdefghij', '--debug'], io)).toBe(
      0,
    );
    expect(stdout()).toBe('echo: [REDACTED]\n');
    expect(stdout() + stderr()).not.toContain('abcdefghij');
  });
});
