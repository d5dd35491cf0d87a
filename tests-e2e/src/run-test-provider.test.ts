import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const fixturePackage = fileURLToPath(new URL('../fixtures/loopback-provider', import.meta.url));

/** A loopback model server: answers `reply to: <last user message>`, or holds requests whose message says HANG. */
interface ModelServer {
  readonly url: string;
  readonly requests: number;
  readonly connections: number;
  /** Resolves when a HANG request arrives. */
  readonly hanging: Promise<void>;
  close(): Promise<void>;
}

async function startModelServer(): Promise<ModelServer> {
  let requests = 0;
  let connections = 0;
  let signalHanging: () => void = () => undefined;
  const hanging = new Promise<void>((resolve) => {
    signalHanging = resolve;
  });
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      requests += 1;
      const { messages } = JSON.parse(body) as { messages: Array<{ role: string; content?: string }> };
      const last = messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      if (last.includes('HANG')) {
        signalHanging();
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ text: `reply to: ${last}`, usage: { inputTokens: 4, outputTokens: 3 } }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    hanging,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A temporary project: the provider package installed by name next to a spec that names it. */
async function projectWith(spec: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-e2e-run-'));
  const target = join(directory, 'node_modules', '@fixtures', 'strands-provider-loopback');
  await mkdir(target, { recursive: true });
  await cp(fixturePackage, target, { recursive: true });
  await writeFile(join(directory, 'workflow.yaml'), spec);
  return directory;
}

function chainSpec(url: string, inputs: readonly string[]): string {
  return [
    'version: 1',
    'name: Loopback Chain',
    'runtime:',
    '  provider: "@fixtures/strands-provider-loopback"',
    `  host: ${url}`,
    'inputs:',
    '  values:',
    '    topic: kelp forests',
    'agents:',
    '  researcher:',
    '    prompt: You research.',
    '  writer:',
    '    prompt: You write.',
    'pattern:',
    '  type: chain',
    '  config:',
    '    steps:',
    ...inputs.map(
      (input, index) => `      - agent: ${index === 0 ? 'researcher' : 'writer'}\n        input: "${input}"`,
    ),
    'outputs:',
    '  artifacts:',
    '    - path: "{{ topic }}/report.md"',
    '      from: "{{ last_response }}"',
  ].join('\n');
}

let server: ModelServer;
beforeEach(async () => {
  server = await startModelServer();
});
afterEach(async () => {
  await server.close();
});

describe('strands run with a provider plugin loaded by package name', () => {
  it('runs a chain end to end, writes the artifact, and exits by itself', async () => {
    const directory = await projectWith(
      chainSpec(server.url, [
        'Research {{ topic }}',
        'Write from {{ steps[0].response }}',
        'Polish {{ steps[1].response }}',
      ]),
    );
    const result = await runCli(['run', 'workflow.yaml', '--verbose'], { cwd: directory });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('reply to: Polish reply to: Write from reply to: Research kelp forests\n');
    expect(await readFile(join(directory, 'artifacts', 'kelp_forests', 'report.md'), 'utf8')).toBe(
      'reply to: Polish reply to: Write from reply to: Research kelp forests',
    );
    expect(result.stderr).toContain('Agents: 2 built, 1 reused · invocations: 3');
    expect(result.stderr).toContain('Clients: 1 created, 1 reused from the pool');
    expect(result.stderr).toContain('Requests to loopback: 3 (0 retries)');
    // One pooled client for both agents, one keep-alive connection for all requests, closed after the run.
    expect(result.stderr.match(/loopback: client created/g)).toHaveLength(1);
    expect(result.stderr).toContain('loopback: client closed');
    expect(server.requests).toBe(3);
    expect(server.connections).toBe(1);
  });

  it('prints one JSON document with --json', async () => {
    const directory = await projectWith(chainSpec(server.url, ['one', 'two']));
    const result = await runCli(['run', 'workflow.yaml', '--json', '--out', 'out'], { cwd: directory });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({
      ok: true,
      response: 'reply to: two',
      usage: { inputTokens: 8, outputTokens: 6, totalTokens: 14 },
      counts: { agentsBuilt: 2, clientsCreated: 1, clientsReused: 1, requests: 2 },
      artifacts: [join(directory, 'out', 'kelp_forests', 'report.md')],
    });
  });

  it('stops on SIGINT: exit 130, no artifact, client closed, process gone', async () => {
    const directory = await projectWith(chainSpec(server.url, ['first', 'HANG here']));
    const result = await runCli(['run', 'workflow.yaml'], {
      cwd: directory,
      onSpawn: (child) => {
        void server.hanging.then(() => child.kill('SIGINT'));
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Interrupted by SIGINT');
    expect(result.stderr).toContain('loopback: client closed');
    expect(await readdir(directory)).not.toContain('artifacts');
  });

  it('explains a missing provider package with the install command (a spec error, exit 3)', async () => {
    const directory = await projectWith(
      chainSpec(server.url, ['one']).replace('strands-provider-loopback', 'strands-provider-absent'),
    );
    const result = await runCli(['run', 'workflow.yaml'], { cwd: directory });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('@fixtures/strands-provider-absent');
    expect(result.stderr).toMatch(/install @fixtures\/strands-provider-absent/);
    expect(server.requests).toBe(0);
  });
});
