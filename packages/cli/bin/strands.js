#!/usr/bin/env node
// The `strands` command. All logic lives in ../dist; this file only hands over the arguments.
import { existsSync } from 'node:fs';

// A closed pipe (`strands schema | head`) is not an error worth a stack trace: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/**
 * Turns on Node's compile cache (Node >= 22.1) in the user's cache folder, unless the user chose a
 * folder (NODE_COMPILE_CACHE) or none (NODE_DISABLE_COMPILE_CACHE). Never fails the command.
 */
function enableCompileCacheInUserCache() {
  const { enableCompileCache } = process.getBuiltinModule('node:module');
  const env = process.env;
  if (typeof enableCompileCache !== 'function' || env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE)
    return;
  const { homedir, platform } = process.getBuiltinModule('node:os');
  const { join } = process.getBuiltinModule('node:path');
  const home = homedir();
  const base =
    platform() === 'win32'
      ? env.LOCALAPPDATA
      : platform() === 'darwin'
        ? join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME || join(home, '.cache');
  if (!base) return;
  try {
    enableCompileCache(join(base, 'strands-cli', 'node-compile-cache'));
  } catch {
    // A read-only or missing home: run without the cache.
  }
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Scripts call `strands --version` often: answer it (exactly as the full parser would) without
  // loading the parser and the command table, so it costs little more than starting Node.
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`strands-cli ${VERSION}\n`);
} else {
  // The template engine is a 1 MiB WebAssembly module. By default V8 compiles it twice: quickly
  // (Liftoff) and again, optimised, on background threads that the process then waits for on exit.
  // Templates are tiny, so the optimised code never pays back: baseline code alone makes
  // `validate` and `plan` ~30 ms faster. Must be set before the module is compiled.
  // And its memory is capped at 512 MiB (8192 pages of 64 KiB): a template like `{{ "x" * 10**9 }}`
  // fails at once with "template output is too large" instead of growing the process to ~3 GB first.
  // A render's output is limited to 4 Mi characters anyway, so real templates stay far below the cap.
  process.getBuiltinModule('node:v8').setFlagsFromString('--liftoff-only --wasm-max-mem-pages=8192');
  // Node >= 22.1 keeps compiled code between runs (module.enableCompileCache): the CLI's bundle and a
  // provider's vendor file start faster from the second run on. Never in Node's default folder (the
  // shared temp directory, where another local user could plant code): in the user's own cache folder.
  enableCompileCacheInUserCache();
  // The command always runs from the bundle (built by `pnpm build`): it loads far fewer files than the
  // tsc output and carries the built-in executors. Never falls back to dist/main.js: that would run a
  // different program (executors loaded from node_modules) without anyone noticing.
  const bundled = new URL('../dist/bundle/strands.js', import.meta.url);
  if (!existsSync(bundled)) {
    process.stderr.write(
      `error: the strands command is not built (${bundled.pathname} is missing)\n  fix: run \`pnpm build\` in the strands-cli repository\n`,
    );
    process.exitCode = 70; // an internal error: the install is incomplete, not the user's input
  } else if (argv.find((arg) => !arg.startsWith('-')) !== 'run') {
    // The other commands are short and bounded; they skip the worker thread's start-up cost.
    const { main } = await import(bundled.href);
    process.exitCode = await main(argv);
  } else {
    // `run` runs on a worker thread; this thread stays free to answer signals, so Ctrl-C ends the
    // process (exit 130) even when the run is stuck in synchronous code.
    const { supervise } = await import('../dist/supervisor/supervise.js');
    process.exitCode = await supervise(new URL('../dist/supervisor/worker-entry.js', import.meta.url), {
      argv,
      bundle: bundled.href,
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      stdoutColumns: process.stdout.columns,
      stderrColumns: process.stderr.columns,
    });
  }
}
