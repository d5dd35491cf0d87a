import { fileURLToPath } from 'node:url';
import { type LoopbackServer, startOpenAIServer } from '@strands-cli/test-servers';
import { runCliListingModules, vendorSdkModules } from '@strands-cli/test-servers/startup-probe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFixture, providerTarget } from './providers/provider-targets.js';

const threeProviders = fileURLToPath(new URL('../fixtures/startup/three-providers.yaml', import.meta.url));
const providerFacts = fileURLToPath(new URL('../fixtures/startup/provider-facts.yaml', import.meta.url));

/** Modules of the built-in provider packages themselves (not only their SDKs). */
function providerPackageModules(modules: readonly string[]): string[] {
  return modules.filter((module) =>
    /\/provider-(openai|ollama|bedrock|anthropic|gemini)\/dist\//.test(module),
  );
}

// Start-up cost is a count here, not a timing: the commands that never call a model must never load
// a vendor SDK (each costs 15-75 ms of import time).
describe('start-up imports of the built CLI', () => {
  it.each([
    ['--version', ['--version']],
    ['--help', ['--help']],
    ['validate', ['validate', threeProviders]],
    ['plan', ['plan', threeProviders]],
    ['plan --format json', ['plan', threeProviders, '--format', 'json']],
    ['explain', ['explain', threeProviders]],
  ])('%s loads no provider SDK and no undici', async (_name, args) => {
    const run = await runCliListingModules(args);
    expect(run.code).toBe(0);
    // The probe saw the CLI itself, so an empty list cannot pass for "nothing loaded".
    expect(run.modules.some((module) => module.includes('/packages/cli/dist/'))).toBe(true);
    expect(vendorSdkModules(run.modules)).toEqual([]);
  });

  it.each([
    ['--help', ['--help']],
    ['validate', ['validate', threeProviders]],
    ['explain', ['explain', threeProviders]],
    ['list-tools', ['list-tools']],
  ])(
    "%s loads none of the web tools' HTML libraries (they load on the first web tool call)",
    async (_name, args) => {
      const run = await runCliListingModules(args);
      expect(run.code).toBe(0);
      expect(run.modules.some((module) => module.includes('/packages/cli/dist/'))).toBe(true);
      const html = run.modules.filter((module) =>
        /\/node_modules\/(linkedom|@mozilla\/readability|turndown|htmlparser2)\//.test(module),
      );
      expect(html).toEqual([]);
    },
  );

  it('--version loads neither zod nor the spec loader', async () => {
    const run = await runCliListingModules(['--version']);
    expect(run.code).toBe(0);
    expect(run.modules.filter((module) => /\/node_modules\/(zod|yaml|minijinja-js)\//.test(module))).toEqual(
      [],
    );
  });

  it.each([
    ['validate', ['validate', threeProviders]],
    ['plan', ['plan', threeProviders]],
  ])('%s loads the spec loader without the runtime', async (_name, args) => {
    const run = await runCliListingModules(args);
    expect(run.code).toBe(0);
    expect(run.modules.some((module) => module.includes('/core/dist/spec-file/'))).toBe(true);
    const runtime = run.modules.filter((module) =>
      /\/core\/dist\/(runtime|record-replay)\/|\/node_modules\/lru-cache\//.test(module),
    );
    expect(runtime).toEqual([]);
  });

  it('validate and plan read provider defaults and parameters from package.json, not the packages', async () => {
    const validate = await runCliListingModules(['validate', providerFacts]);
    expect(validate.code).toBe(0);
    expect(providerPackageModules(validate.modules)).toEqual([]);
    const plan = await runCliListingModules(['plan', providerFacts, '--format', 'json']);
    expect(plan.code).toBe(0);
    expect(providerPackageModules(plan.modules)).toEqual([]);
    const agents = (
      JSON.parse(plan.stdout) as { agents: { id: string; model: string; modelSource: string }[] }
    ).agents;
    expect(agents.map(({ id, model, modelSource }) => [id, model, modelSource])).toEqual([
      ['writer', 'gpt-4o-mini', 'provider default'],
      ['checker', 'gpt-oss', 'provider default'],
      ['summarizer', 'us.anthropic.claude-3-sonnet-20240229-v1:0', 'provider default'],
    ]);
  });

  describe('the probe itself', () => {
    let server: LoopbackServer;
    beforeAll(async () => {
      server = await startOpenAIServer();
    });
    afterAll(() => server.close());

    it('does see an SDK when a run loads one', async () => {
      const target = providerTarget('openai');
      const run = await runCliListingModules(['run', providerFixture(target, 'one-step'), '--quiet'], {
        env: target.env(server),
      });
      expect(run.code).toBe(0);
      // The SDK and undici come as one bundled file of the provider, not ~270 files from node_modules.
      expect(vendorSdkModules(run.files)).toEqual([
        expect.stringMatching(/\/provider-openai\/dist\/openai-vendor\.js$/),
      ]);
    });

    it("a run reads one zod (the core bundle's), not a second copy from node_modules", async () => {
      const target = providerTarget('openai');
      const run = await runCliListingModules(['run', providerFixture(target, 'one-step'), '--quiet'], {
        env: target.env(server),
      });
      expect(run.code).toBe(0);
      expect(
        run.files.filter((file) => /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?zod\//.test(file)),
      ).toEqual([]);
      expect(run.files.some((file) => file.endsWith('/packages/core/dist/bundle/zod.js'))).toBe(true);
    });
  });

  describe('one copy of the core', () => {
    let server: LoopbackServer;
    beforeAll(async () => {
      server = await startOpenAIServer();
    });
    afterAll(() => server.close());

    // The CLI, the built-in executors and a provider (loaded by name from node_modules) all import the
    // core; any file of it outside its one bundle would be a second copy, with its own error classes.
    it('a run with a provider loads the core only from its bundle', async () => {
      const target = providerTarget('openai');
      const run = await runCliListingModules(['run', providerFixture(target, 'one-step'), '--quiet'], {
        env: target.env(server),
      });
      expect(run.code).toBe(0);
      expect(providerPackageModules(run.files).length).toBeGreaterThan(0);
      const coreFiles = run.files.filter((file) => /\/packages\/core\//.test(file));
      expect(coreFiles.some((file) => file.endsWith('/packages/core/dist/bundle/spec.js'))).toBe(true);
      expect(coreFiles.filter((file) => !/\/packages\/core\/dist\/bundle\/[^/]+\.js$/.test(file))).toEqual(
        [],
      );
    });
  });
});
