// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} header placeholders are the subject of these tests.
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import {
  eventually,
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from './__fixtures__/loopback-server.js';
import { signal, temporaryDirectory } from './__fixtures__/native-context.js';
import { nativeToolCatalog } from './catalog.js';
import { createRunTools, type RunTools, type RunToolsOptions } from './run-tools.js';

const secret = 'sk-live-0123456789abcdef';
let server: LoopbackServer | undefined;
let tools: Required<RunTools> | undefined;
afterEach(async () => {
  await tools?.close();
  await server?.close();
  tools = undefined;
});

function specFor(baseUrl: string, extra: Record<string, unknown> = {}): WorkflowSpec {
  return {
    version: 0,
    name: 'tools-test',
    runtime: { provider: 'ollama', model_id: 'm' },
    env: { secrets: [{ source: 'env', key: 'ORDERS_KEY', name: 'ORDERS_TOKEN' }] },
    tools: {
      http_executors: [
        {
          id: 'orders',
          base_url: baseUrl,
          headers: { Authorization: 'Bearer ${ORDERS_TOKEN}' },
          description: 'Order service',
          ...extra,
        },
      ],
    },
    agents: { a: { prompt: 'p', tools: ['orders'] } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'x' }] } },
  } as unknown as WorkflowSpec;
}

function create(spec: WorkflowSpec, options: Partial<RunToolsOptions> = {}): Required<RunTools> {
  tools = createRunTools({
    spec,
    env: { ORDERS_KEY: secret },
    allowPrivateNetwork: true,
    allowFileWrite: false,
    workingDirectory: '.',
    ...options,
  });
  return tools;
}

describe('createRunTools: HTTP executors', () => {
  it('sends the interpolated secret but never returns it, and counts one lazy pool', async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 200, { path: request.url, echoed: request.headers.authorization }),
    );
    const run = create(specFor(server.origin));
    const [orders] = run.toolsFor(['orders']);
    expect(orders?.name).toBe('orders');
    expect(run.openedPools).toBe(0);
    const result = await orders!.call({ path: '/orders/7' }, signal());
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
    expect(result.content).not.toContain(secret);
    expect(JSON.parse(result.content)).toMatchObject({
      status: 200,
      body: '{"path":"/orders/7","echoed":"[REDACTED]"}',
    });
    await orders!.call({ path: '/orders/8' }, signal());
    expect(run.openedPools).toBe(1);
    expect(run.secretValues).toContain(secret);
    expect(run.redact(`key ${secret}`)).toBe('key [REDACTED]');
  });

  it('closes the executor connections on close()', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const run = create(specFor(server.origin));
    await run.toolsFor(['orders'])[0]!.call({ path: '/' }, signal());
    expect(server.openConnections()).toBeGreaterThan(0);
    await run.close();
    await run.close();
    await eventually(() => server!.openConnections() === 0);
  });

  it('returns a refusal, a timeout and a 500 as tool results', async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === '/fail') sendJson(response, 500, { error: 'database down' });
      // '/slow' never answers
    });
    const refused = create(specFor(server.origin), { allowPrivateNetwork: false }).toolsFor(['orders'])[0]!;
    const refusal = await refused.call({ path: '/x' }, signal());
    expect(refusal).toMatchObject({
      isError: true,
      content: expect.stringContaining('--allow-private-network'),
    });
    await tools!.close();

    const timing = create(specFor(server.origin, { timeout_ms: 150 })).toolsFor(['orders'])[0]!;
    expect(await timing.call({ path: '/slow' }, signal())).toEqual({
      isError: true,
      content: `HTTP request timed out after 150 ms (GET ${server.origin}/slow)`,
    });
    await tools!.close();
    // Its own tool with the default timeout: 150 ms is too short for an answer on a loaded machine.
    const answering = create(specFor(server.origin)).toolsFor(['orders'])[0]!;
    const failed = await answering.call({ path: '/fail' }, signal());
    expect(failed.isError).toBeUndefined();
    expect(JSON.parse(failed.content)).toMatchObject({ status: 500, body: '{"error":"database down"}' });
  });

  it('honours STRANDS_HTTP_ALLOW_PRIVATE=1 from the environment', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { ok: true }));
    const run = create(specFor(server.origin), {
      allowPrivateNetwork: false,
      env: { ORDERS_KEY: secret, STRANDS_HTTP_ALLOW_PRIVATE: '1' },
    });
    expect((await run.toolsFor(['orders'])[0]!.call({ path: '/' }, signal())).isError).toBeUndefined();
  });

  it('describes executors in the system prompt and warns about unset placeholders', () => {
    const run = create(specFor('https://orders.example.com'), { env: {} });
    expect(run.systemPromptSection(['orders', 'calculator'])).toContain('## orders');
    expect(run.systemPromptSection(['calculator'])).toBeUndefined();
    expect(run.warnings).toEqual([
      "HTTP executor 'orders': header Authorization uses ${ORDERS_TOKEN}, but ORDERS_KEY is not set in the environment; it is sent empty",
    ]);
  });
});

describe('createRunTools: native tools', () => {
  it('resolves short ids and aliases once, sorted by name, deduplicated', async () => {
    const run = create(specFor('https://orders.example.com'), {
      workingDirectory: await temporaryDirectory(),
    });
    const first = run.toolsFor([
      'strands_tools.http_request',
      'calculator',
      'strands_cli.tools.calculator',
      'orders',
    ]);
    expect(first.map((tool) => tool.name)).toEqual(['calculator', 'http_request', 'orders']);
    const second = run.toolsFor(['orders', 'calculator']);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[2]);
    expect(run.toolsFor([])).toEqual([]);
  });

  it('rejects an unknown id, listing the known ones', () => {
    const run = create(specFor('https://orders.example.com'));
    expect(() => run.toolsFor(['strands_tools.shell'])).toThrow("Unknown tool 'strands_tools.shell'");
    let caught: unknown;
    try {
      run.toolsFor(['nope']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      exitCode: 10,
      hint: `Use one of: ${[...nativeToolCatalog.map((tool) => tool.id), 'orders'].join(', ')}`,
    });
  });

  it('every native tool has a valid model-facing name, description and object schema', () => {
    const run = create(specFor('https://orders.example.com'));
    const tools = run.toolsFor(nativeToolCatalog.map((entry) => entry.id));
    expect(tools.map((tool) => tool.name).sort()).toEqual(nativeToolCatalog.map((entry) => entry.id).sort());
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(tool.description.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe('object');
    }
  });
});
