// Bundles a provider's vendor entry (its SDK and undici) into one file, in place, after tsc.
// Why: the openai SDK and undici are ~270 small modules; resolving and reading them one at a time
// was most of a run's start-up (measured: ~370 ms -> ~140 ms on a loaded 2-core machine). The
// provider still loads the entry lazily, on its first model call, so commands that never call a
// model never parse it. Usage: node ../../scripts/bundle-vendor.mjs dist/<provider>-vendor.js
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Keeps a model call off Node's own copy of undici (node:internal/deps/undici, ~10-20 ms to load on
 * Node 20), which loads the first time a web global (Headers, Request, Response, FormData) is read.
 * The vendors use the undici inlined here, but touch those globals on the way:
 * - ollama imports the `whatwg-fetch` polyfill, which reads `globalThis.fetch` and does nothing on
 *   Node (fetch exists): it is replaced by an empty module;
 * - undici's cookie helpers read `globalThis.Headers` at load, only to also accept Node's own Headers
 *   in their brand check (the SDKs never call them): the read is dropped;
 * - the SDKs build every request's `new Headers(...)`, test its body with `instanceof FormData`, and
 *   so on: with an undici entry, the bundle's free `Headers`, `Request`, `Response` and `FormData`
 *   are undici's own (the classes the fetch they are given already uses). `fetch` itself is only
 *   read (the SDKs are always handed undici's), which loads nothing.
 */
function offNodeUndici(withUndici) {
  return {
    name: 'off-node-undici',
    setup(build) {
      build.onResolve({ filter: /^whatwg-fetch$/ }, () => ({
        path: 'whatwg-fetch',
        namespace: 'strands-empty',
      }));
      build.onLoad({ filter: /.*/, namespace: 'strands-empty' }, () => ({ contents: '', loader: 'js' }));
      if (!withUndici) return;
      build.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]web[\\/]cookies[\\/]index\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const dropped = source.replace('[Headers, globalThis.Headers]', '[Headers]');
        if (dropped === source)
          throw new Error(
            `bundle-vendor: undici's cookies no longer read globalThis.Headers as expected (${args.path})`,
          );
        return { contents: dropped, loader: 'js' };
      });
    },
  };
}

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error('usage: node scripts/bundle-vendor.mjs dist/<provider>-vendor.js ...');
  process.exit(2);
}
for (const entry of entries) {
  const file = resolve(entry);
  // A provider that bundles undici gets undici's web classes for the bundle's free names (see above).
  const packageJson = JSON.parse(await readFile(join(dirname(file), '..', 'package.json'), 'utf8'));
  const withUndici = Boolean(packageJson.dependencies?.undici);
  const shim = join(dirname(file), '.undici-globals.mjs');
  if (withUndici) await writeFile(shim, "export { FormData, Headers, Request, Response } from 'undici';\n");
  try {
    await build({
      entryPoints: [file],
      outfile: file,
      allowOverwrite: true,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Whitespace and syntax only: names stay readable in stack traces.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'eof',
      logLevel: 'warning',
      plugins: [offNodeUndici(withUndici)],
      inject: withUndici ? [shim] : [],
      // The vendors' CommonJS code calls require() for Node's built-in modules.
      banner: {
        js: "import { createRequire as __strandsRequire } from 'node:module';\nconst require = __strandsRequire(import.meta.url);",
      },
    });
  } finally {
    if (withUndici) await rm(shim, { force: true });
  }
}
