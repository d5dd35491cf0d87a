// Builds the files that package.json `exports` point at (dist/bundle/*.js) from the tsc output; run
// after tsc by `build`. Why: loading the core one small module at a time (zod alone ~150 files, yaml
// ~70) was most of `strands validate`'s start-up. Bundled into a few chunks it loads in a fraction.
// All entries are built together with code splitting, so `@strands-cli/core`, `/spec`, `/errors`,
// `/loader` and `/testing` share their modules: an error class or a registry exists once per process,
// whichever entry a plugin or the CLI imports it from.
// Inlined: the core, zod, yaml, lru-cache. Left outside (loaded by name from node_modules): undici (only
// a run with HTTP tools needs it), ajv (only agents with contracts need it), the web tools' HTML
// libraries (linkedom, @mozilla/readability, turndown), minijinja-js (it reads its .wasm from its own folder) and vitest.
// meta.json lists the source modules in each chunk (the start-up probe of tests-e2e reads it).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/bundle';

/**
 * One esbuild entry per `exports` entry: the output is the `default` file (which must be in
 * dist/bundle/), the input the tsc output next to its `types` file.
 */
function entriesOf(exportsMap) {
  const entries = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (typeof target === 'string') continue;
    const output = target.default.replace(/^\.\//, '');
    if (!output.startsWith(`${outdir}/`) || !output.endsWith('.js')) {
      throw new Error(
        `exports["${subpath}"].default must be a file in ./${outdir}/ (got ${target.default}): every entry of the core is bundled, so that plugins and the CLI share one copy of it.`,
      );
    }
    entries[output.slice(outdir.length + 1, -'.js'.length)] = target.types.replace(/\.d\.ts$/, '.js');
  }
  return entries;
}

/**
 * zod's `locales` namespace (error messages in ~60 languages, ~300 KB) is exported by `@strands-cli/core/zod`
 * and so would be loaded by every command; nothing here switches zod's language, so the namespace
 * holds English only (the language zod uses by default).
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /\/zod\/v4\/(classic|core)\//.test(args.importer)
        ? { path: 'zod-locales', namespace: 'strands-zod' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'strands-zod' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      loader: 'js',
      resolveDir: packageDirectory,
    }));
  },
};

const manifest = JSON.parse(await readFile(`${packageDirectory}package.json`, 'utf8'));
await rm(`${packageDirectory}${outdir}`, { recursive: true, force: true });
const result = await build({
  entryPoints: entriesOf(manifest.exports),
  outdir,
  // Paths in meta.json are relative to this package's folder.
  absWorkingDir: packageDirectory,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  // Whitespace and syntax only: less to parse at start-up, while names stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // ajv: loaded by name, and only by a run whose agents declare an input or output schema.
  // linkedom, @mozilla/readability, turndown: loaded by name, and only by the web tools' first call.
  external: [
    'minijinja-js',
    'undici',
    'vitest',
    'ajv',
    'ajv/*',
    'linkedom',
    '@mozilla/readability',
    'turndown',
  ],
  plugins: [englishOnlyZodLocales],
  // yaml is CommonJS and calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __strandsRequire } from 'node:module';\nconst require = __strandsRequire(import.meta.url);",
  },
});
const chunks = {};
for (const [output, { inputs }] of Object.entries(result.metafile.outputs)) {
  chunks[output.split('/').pop()] = Object.keys(inputs);
}
await writeFile(`${packageDirectory}${outdir}/meta.json`, `${JSON.stringify(chunks, null, 1)}\n`);
