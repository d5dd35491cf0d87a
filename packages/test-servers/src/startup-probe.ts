import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliRun, collectOutput, strandsBin } from './cli-process.js';

/**
 * Loaded by `--import` before the CLI: a module-resolution hook (run by Node on its loader thread)
 * appends every resolved ESM URL to the file, and at exit the CommonJS cache (modules loaded with
 * `require`, which the hook does not see) is appended too. Between the two, every module the
 * process loaded is listed.
 */
function preloadFor(file: string): string {
  const hooks = [
    "import { appendFileSync } from 'node:fs';",
    'let file;',
    'export function initialize(data) { file = data.file; }',
    'export async function resolve(specifier, context, next) {',
    '  const result = await next(specifier, context);',
    "  appendFileSync(file, result.url + '\\n');",
    '  return result;',
    '}',
  ].join('\n');
  const preload = [
    "import { register, createRequire } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, { data: { file } });`,
    'const cache = createRequire(file).cache;',
    "process.on('exit', () => appendFileSync(file, Object.keys(cache).map((path) => 'cjs:' + path + '\\n').join('') + 'maxrss:' + process.resourceUsage().maxRSS + '\\n'));",
    // Node's own bundled dependencies (its undici, acorn, ...), in every thread: the preload runs in
    // workers too (they inherit --import), and each thread has its own list.
    "process.on('exit', () => appendFileSync(file, process.moduleLoadList.filter((name) => name.startsWith('NativeModule internal/deps/')).map((name) => 'node-dep:' + name.slice('NativeModule '.length) + '\\n').join('')));",
  ].join('\n');
  return `data:text/javascript,${encodeURIComponent(preload)}`;
}

/** A CLI process and every module it loaded (ESM URLs, and `cjs:` paths of required modules). */
export interface ProbedRun extends CliRun {
  /**
   * Every source module the process loaded: the files it read, and for each chunk of the bundled
   * CLI (dist/bundle) the modules esbuild inlined into that chunk, as file URLs.
   */
  readonly modules: readonly string[];
  /** The files the process read (a bundle chunk counts once). */
  readonly files: readonly string[];
  /** The process's peak resident set size in KiB (getrusage), when it exited normally. */
  readonly peakRssKiB?: number;
  /**
   * Node's own bundled dependencies any thread of the process loaded, e.g. `internal/deps/undici/undici`
   * (Node's copy of undici, which the first read of a global `Headers`, `Response`... loads).
   */
  readonly nodeDeps: readonly string[];
}

/** Runs the built CLI with `args` and lists the modules it loaded, whatever way they were loaded. */
export function runCliListingModules(
  args: readonly string[],
  options: { cwd?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<ProbedRun> {
  return runNodeListingModules([strandsBin, ...args], options);
}

/**
 * Runs `node nodeArgs` (any script, on `execPath` or this process's Node) and lists the modules it
 * loaded, as {@link runCliListingModules} does for the CLI.
 */
export async function runNodeListingModules(
  nodeArgs: readonly string[],
  options: { cwd?: string; env?: Readonly<Record<string, string>>; execPath?: string } = {},
): Promise<ProbedRun> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-startup-probe-'));
  const file = join(directory, 'modules.txt');
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NO_COLOR: '1',
      ...options.env,
    };
    const child = spawn(options.execPath ?? process.execPath, ['--import', preloadFor(file), ...nodeArgs], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = await collectOutput(child);
    const listed = (await readFile(file, 'utf8').catch(() => '')).split('\n');
    const rss = listed.find((line) => line.startsWith('maxrss:'));
    const nodeDeps = [
      ...new Set(
        listed.filter((line) => line.startsWith('node-dep:')).map((line) => line.slice('node-dep:'.length)),
      ),
    ];
    const files = [
      ...new Set(
        listed.filter((line) => line !== '' && !line.startsWith('maxrss:') && !line.startsWith('node-dep:')),
      ),
    ];
    return {
      ...run,
      files,
      nodeDeps,
      modules: await withBundledModules(files),
      ...(rss ? { peakRssKiB: Number(rss.slice('maxrss:'.length)) } : {}),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * `files` plus the source modules inside each loaded chunk of a bundle (the CLI's and the core's
 * dist/bundle), read from the bundle's meta.json, so a check on which modules loaded means the same
 * with or without bundling.
 */
async function withBundledModules(files: readonly string[]): Promise<string[]> {
  const chunks = files.filter((file) => /\/packages\/(cli|core)\/dist\/bundle\/[^/]+\.js$/.test(file));
  const metas = new Map<string, Record<string, string[]>>();
  const inlined: string[] = [];
  for (const chunk of chunks) {
    const bundleDirectory = dirname(new URL(chunk).pathname);
    let meta = metas.get(bundleDirectory);
    if (meta === undefined) {
      meta = JSON.parse(await readFile(join(bundleDirectory, 'meta.json'), 'utf8')) as Record<
        string,
        string[]
      >;
      metas.set(bundleDirectory, meta);
    }
    const packageDirectory = dirname(dirname(bundleDirectory));
    for (const input of meta[chunk.split('/').pop() ?? ''] ?? []) {
      inlined.push(pathToFileURL(resolve(packageDirectory, input)).href);
    }
  }
  return [...new Set([...files, ...inlined])];
}

/**
 * Vendor SDKs (and the HTTP client they use) that only a model call may load: from node_modules, or
 * inlined into a provider's bundled vendor entry (dist/<provider>-vendor.js).
 */
export const vendorSdkPattern =
  /\/node_modules\/(openai|ollama|undici|@anthropic-ai\/sdk|@google\/genai|@aws-sdk\/[^/]+|@smithy\/[^/]+)\/|\/provider-[a-z]+\/dist\/[a-z]+-vendor\.js$/;

/** The modules of `modules` that belong to a vendor SDK. */
export function vendorSdkModules(modules: readonly string[]): string[] {
  return modules.filter((module) => vendorSdkPattern.test(module));
}
