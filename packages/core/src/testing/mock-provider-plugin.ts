import * as z from 'zod';
import { RuntimeFailure } from '../spec/v1/errors.js';
import type { ModelProviderPluginV1, ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import { MockModelProvider, type MockScript, type MockScriptState } from './mock-model-provider.js';

const mockSettingsSchema = z.object({
  host: z.string().optional(),
  region: z.string().optional(),
  maxConnections: z.int().min(1),
});

/** Settings of the mock provider (what `resolveSettings` returns). */
export type MockProviderSettings = z.infer<typeof mockSettingsSchema>;

/** Options of {@link createMockProviderPlugin}. */
export interface MockProviderPluginOptions {
  /** Provider id. @default 'mock' */
  readonly id?: string;
  /** Answers, shared by every client the plugin creates. */
  readonly responses?: MockScript;
  /** @default 'mock-model' */
  readonly defaultModelId?: string;
  /** An environment variable `resolveSettings` requires (to test missing credentials). */
  readonly requireEnv?: string;
}

/** Creation and closing counts of a mock plugin's clients. */
export interface MockProviderStats {
  readonly creates: number;
  readonly closes: number;
  /** Clients created and not closed yet. */
  readonly open: number;
}

/** A provider plugin descriptor backed by {@link MockModelProvider}, with counters for tests. */
export interface MockProviderPlugin extends ModelProviderPluginV1<MockProviderSettings> {
  /** Every client created, in order. */
  readonly clients: readonly MockModelProvider[];
  /** Every request any client received, in order. */
  readonly calls: readonly ModelRequestV1[];
  /** Settings passed to `create`, in order. */
  readonly createdWith: readonly MockProviderSettings[];
  readonly stats: MockProviderStats;
}

/**
 * Creates a mock provider plugin: hand it to `runWorkflow({ providers: { mock: plugin } })` (or under
 * any name a spec uses). Its transport key is host + region + connection bound, like a real provider.
 * @example
 * const mock = createMockProviderPlugin({ responses: ['first answer', 'second answer'] });
 * await runWorkflow(spec, { providers: { openai: mock } });
 * expect(mock.stats.creates).toBe(1);
 */
export function createMockProviderPlugin(options: MockProviderPluginOptions = {}): MockProviderPlugin {
  const id = options.id ?? 'mock';
  const state: MockScriptState = { script: options.responses, calls: [] };
  const clients: MockModelProvider[] = [];
  const createdWith: MockProviderSettings[] = [];
  return {
    kind: 'model-provider',
    specificationVersion: 'v1',
    id,
    version: '0.0.0',
    defaultModelId: options.defaultModelId ?? 'mock-model',
    supportedInference: ['temperature', 'top_p', 'max_tokens'],
    configSchema: mockSettingsSchema,
    credentialVariables: options.requireEnv ? [options.requireEnv] : [],
    resolveSettings(request) {
      if (options.requireEnv && !request.env[options.requireEnv]) {
        throw new RuntimeFailure(`Provider '${id}' needs ${options.requireEnv}`, {
          hint: `Set ${options.requireEnv} in the environment.`,
        });
      }
      return mockSettingsSchema.parse({
        host: request.host,
        region: request.region,
        maxConnections: request.maxConnections,
      });
    },
    transportKey: (settings) =>
      `${settings.host ?? 'default'}|${settings.region ?? ''}|${settings.maxConnections}`,
    async create(settings) {
      createdWith.push(settings);
      const client = new MockModelProvider(id, state);
      clients.push(client);
      return client;
    },
    async diagnose(settings) {
      return [{ check: `${id} endpoint`, ok: true, detail: settings.host ?? 'in memory' }];
    },
    clients,
    calls: state.calls,
    createdWith,
    get stats(): MockProviderStats {
      const closes = clients.filter((client) => client.closed).length;
      return { creates: clients.length, closes, open: clients.length - closes };
    },
  };
}
