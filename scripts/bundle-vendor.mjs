// Bundles a provider's vendor entry (its SDK and undici) into one file, in place, after tsc.
// Why: the openai SDK and undici are ~270 small modules; resolving and reading them one at a time
// was most of a run's start-up (measured: ~370 ms -> ~140 ms on a loaded 2-core machine). The
// provider still loads the entry lazily, on its first model call, so commands that never call a
// model never parse it. Usage: node ../../scripts/bundle-vendor.mjs dist/<provider>-vendor.js
import { resolve } from 'node:path';
import { build } from 'esbuild';

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error('usage: node scripts/bundle-vendor.mjs dist/<provider>-vendor.js ...');
  process.exit(2);
}
for (const entry of entries) {
  const file = resolve(entry);
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
    // The vendors' CommonJS code calls require() for Node's built-in modules.
    banner: {
      js: "import { createRequire as __strandsRequire } from 'node:module';\nconst require = __strandsRequire(import.meta.url);",
    },
  });
}
