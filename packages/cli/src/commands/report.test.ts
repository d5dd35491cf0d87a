import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO, projectWithFakeProvider } from '../__fixtures__/fake-provider-package.js';
import { main } from '../main.js';

const secret = 'sk-report-secret-0123456789';

function chainYaml(steps: string[]): string {
  return [
    'version: 1',
    'name: Tide Report',
    'runtime:',
    '  provider: "@fixtures/strands-provider-fake"',
    'agents:',
    '  writer:',
    '    prompt: You write.',
    'pattern:',
    '  type: chain',
    '  config:',
    '    steps:',
    ...steps.map((input) => `      - agent: writer\n        input: "${input}"`),
  ].join('\n');
}

async function project(steps: string[]): Promise<string> {
  const directory = await projectWithFakeProvider();
  await writeFile(join(directory, 'spec.yaml'), chainYaml(steps));
  return directory;
}

describe('strands run --report and strands report', () => {
  it('writes the report of a failed run, and the session keeps the trace for `strands report ID`', async () => {
    const directory = await project([`About <b>tides</b> ${secret}`, 'Polish {{ steps[0].response }}']);
    const env = { FAKE_TOKEN: secret, FAKE_SCRIPT: JSON.stringify(['draft', { status: 401 }]) };
    const run = bufferIO(directory, env);
    expect(await main(['run', 'spec.yaml', '--report', 'out/run.html'], run.io), run.stderr()).toBe(10);
    expect(run.stderr()).toMatch(/Report written to out\/run\.html \(\d+ KB\)/);
    const html = await readFile(join(directory, 'out', 'run.html'), 'utf8');
    expect(html.match(/class="bar"/g)?.length).toBe(2);
    expect(html).toContain('data-outcome="failed"');
    expect(html).toContain('About &lt;b&gt;tides&lt;/b&gt;');
    expect(html).not.toContain(secret);

    const sessionId = /strands run --resume ([0-9a-f-]+)/.exec(run.stderr())?.[1] as string;
    const sessionsDir = join(directory, '.strands-sessions');
    expect(await readdir(join(sessionsDir, sessionId))).toEqual(
      expect.arrayContaining(['trace.json', 'report.json']),
    );
    expect(await readFile(join(sessionsDir, sessionId, 'report.json'), 'utf8')).not.toContain(secret);
    const again = bufferIO(directory, env);
    expect(await main(['report', sessionId], again.io)).toBe(0);
    expect(again.stdout().trim()).toBe(join(directory, 'Tide Report-report.html'.replace(' ', '-')));
    const fromSession = await readFile(join(directory, 'Tide-Report-report.html'), 'utf8');
    expect(fromSession.match(/class="bar"/g)?.length).toBe(2);
    expect(fromSession).toContain('data-node="step0" data-outcome="ok"');
  });

  it('draws a --trace file next to it, and refuses unknown sessions and files that are not traces', async () => {
    const directory = await project(['one']);
    const run = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--trace', '--no-save-session'], run.io)).toBe(0);
    const fromTrace = bufferIO(directory);
    expect(await main(['report', 'artifacts/Tide Report-trace.json'], fromTrace.io)).toBe(0);
    expect(await readdir(join(directory, 'artifacts'))).toContain('Tide-Report-report.html');

    const unknown = bufferIO(directory);
    expect(await main(['report', '00000000-0000-0000-0000-000000000000'], unknown.io)).toBe(17);
    expect(unknown.stderr()).toContain('No session 00000000-0000-0000-0000-000000000000');
    await writeFile(join(directory, 'package-like.json'), '{"name":"x"}');
    const wrong = bufferIO(directory);
    expect(await main(['report', 'package-like.json', '-o', 'r.html'], wrong.io)).toBe(2);
    expect(wrong.stderr()).toContain('package-like.json is not a strands trace JSON');
    expect(wrong.stderr()).toContain('strands run SPEC --trace');
    expect(wrong.stderr()).not.toMatch(/\n\s+at /);
  });

  it('writes the report of a run that pauses for a person (exit 19)', async () => {
    const directory = await projectWithFakeProvider();
    const yaml = chainYaml(['Draft it']).concat(
      '\n      - type: hitl\n        prompt: "Approve the draft?"\n',
    );
    await writeFile(join(directory, 'spec.yaml'), yaml);
    const run = bufferIO(directory);
    expect(await main(['run', 'spec.yaml', '--report', 'paused.html'], run.io), run.stderr()).toBe(19);
    const html = await readFile(join(directory, 'paused.html'), 'utf8');
    expect(html).toContain('<body data-outcome="paused">');
    expect(html.match(/class="bar"/g)?.length).toBe(1);
  });
});
