// Builds the CLI's own entry, dist/bundle/strands.js, from the tsc output (run after tsc by `build`).
// Why: `strands validate` spent most of its time loading ~260 small modules (zod alone ~150 files,
// yaml ~70) one file read at a time; inlined into a few chunks they load in a fraction of that.
// The library stays as tsc built it (dist/); only bin/strands.js uses the bundle.
// Inlined: the CLI, the core, the built-in executors, zod, yaml, commander, lru-cache.
// Left outside (loaded from node_modules by name, as before): provider packages and every
// third-party plugin, vendor SDKs and undici, minijinja-js (it reads its .wasm from its folder) and
// re2js (regex_search loads it by name on first use, so commands that never need it never parse it).
// Commands stay lazy: esbuild splits each `await import()` into its own chunk, so `validate` still
// never loads what `run` needs. meta.json lists the source modules in each chunk (the start-up probe
// of @strands-cli/test-servers maps loaded chunks back to them).
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${packageDirectory}dist/bundle`;

/**
 * commander requires `node:child_process` when it loads, only for subcommands that are separate
 * executables, which strands has none of. Loading it costs ~7 ms of every start-up, so commander
 * gets a stand-in that loads the real module on first use (never, in practice).
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/commander/')
        ? { path: 'lazy-child-process', namespace: 'strands-lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'strands-lazy' }, () => ({
      contents:
        "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * The built-in executors import `zod`; inlining it would load a second zod next to the core's. They
 * get the core's own (`@strands-cli/core/zod`, loaded by name like the rest of the core) instead.
 */
const zodFromTheCore = {
  name: 'zod-from-the-core',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: '@strands-cli/core/zod', external: true }));
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { strands: `${packageDirectory}dist/bundle-entry.js` },
  outdir,
  // Paths in meta.json are relative to this package's folder.
  absWorkingDir: packageDirectory,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  // Whitespace and syntax only: about 6 ms less to parse at start-up; names stay readable in traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  external: [
    // One copy of the core per process: the CLI loads it by name, as providers and plugins do.
    '@strands-cli/core',
    '@strands-cli/core/*',
    '@strands-cli/provider-*',
    // MCP loads by name, only for a spec with tools.mcp: its SDK is the largest dependency of a run.
    '@strands-cli/tools-*',
    '@modelcontextprotocol/*',
    // Loaded only for a traced run, with OpenTelemetry behind it.
    '@strands-cli/telemetry-otel',
    // Loaded only for a run on a database (--database), with DBOS and pg behind it.
    '@strands-cli/engine-*',
    'minijinja-js',
    're2js',
    'undici',
    'openai',
    'ollama',
    '@aws-sdk/*',
    '@smithy/*',
  ],
  plugins: [lazyChildProcessForCommander, zodFromTheCore],
  // CommonJS dependencies (yaml, commander) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __strandsRequire } from 'node:module';\nconst require = __strandsRequire(import.meta.url);",
  },
});
await writeFile(`${outdir}/meta.json`, `${JSON.stringify(chunkInputs(result.metafile), null, 1)}\n`);

/** For each output chunk (file name), the source modules inlined into it (paths from the repo root). */
function chunkInputs(metafile) {
  const chunks = {};
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    chunks[output.split('/').pop()] = Object.keys(inputs);
  }
  return chunks;
}
