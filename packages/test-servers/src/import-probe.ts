import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { collectOutput } from './cli-process.js';

/**
 * The script run in a fresh Node process: a module-resolution hook reports every URL resolved
 * while `entry` is imported; an import of `data:` at the end flushes the (ordered) message channel.
 */
const probeScript = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const hooks = 'export let port; export function initialize(data) { port = data.port; }' +
  ' export async function resolve(specifier, context, next) {' +
  ' const result = await next(specifier, context); port.postMessage(result.url); return result; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
const seen = [];
const marker = 'data:text/javascript,export default 1';
const flushed = new Promise((resolve) => port1.on('message', (url) => (url === marker ? resolve() : seen.push(url))));
await import(process.argv[1]);
await import(marker);
await flushed;
port1.close();
process.stdout.write(JSON.stringify(seen));
`;

/**
 * Imports `entryPath` (a built `.js` file) in a fresh Node process and returns every module URL
 * resolved on the way: the way to prove that importing a package loads no vendor SDK.
 */
export function modulesLoadedBy(entryPath: string): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '--eval', probeScript, pathToFileURL(entryPath).href],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return collectOutput(child).then(({ code, stdout, stderr }) => {
    if (code !== 0) throw new Error(`import of ${entryPath} failed (exit ${code}): ${stderr}`);
    return JSON.parse(stdout) as string[];
  });
}
