// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} placeholders are what these tests are about.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

const server = fileURLToPath(new URL('../__fixtures__/mcp/tiny-server.mjs', import.meta.url));
const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** A spec whose agent names `tool`, with a server `fs` and, when given, a `broken` one. */
async function writeSpec(tool: string, broken?: 'optional' | 'required') {
  const directory = await mkdtemp(join(tmpdir(), 'strands-validate-mcp-'));
  directories.push(directory);
  const log = join(directory, 'starts.log');
  const brokenEntry =
    broken === undefined
      ? ''
      : `    - id: broken\n      command: ${join(directory, 'no-such-server')}\n      optional: ${broken === 'optional'}\n`;
  const text = `version: 0
name: mcp-check
runtime:
  provider: openai
  model_id: gpt-4o-mini
tools:
  mcp:
    - id: fs
      command: ${JSON.stringify(process.execPath)}
      args: [${JSON.stringify(server)}, ${JSON.stringify(log)}]
${brokenEntry}agents:
  reader:
    prompt: You read files.
    tools: [${tool}]
pattern:
  type: chain
  config:
    steps:
      - agent: reader
        input: Read.
`;
  const file = join(directory, 'spec.yaml');
  await writeFile(file, text);
  return { directory, file, log };
}

const startedPids = async (log: string) =>
  (await readFile(log, 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('strands validate --with-mcp', () => {
  it('starts no MCP server without --with-mcp', async () => {
    const { file, log } = await writeSpec('fs.read_txt_file');
    const { io, stdout } = bufferIO();
    expect(await main(['validate', file], io)).toBe(0);
    expect(stdout()).toContain('OK Spec is valid');
    expect(await startedPids(log)).toEqual([]);
  });

  it('accepts tools the server offers, and stops the server again', async () => {
    const { file, log } = await writeSpec('fs.read_text_file');
    const { io, stdout, stderr } = bufferIO();
    expect(await main(['validate', file, '--with-mcp'], io)).toBe(0);
    expect(stdout()).toContain('OK Spec is valid');
    expect(stderr()).toBe('');
    const pids = await startedPids(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });

  it("locates a tool the server lacks at the agent's tools entry, with a did-you-mean (exit 3)", async () => {
    const { file, log } = await writeSpec('fs.read_txt_file');
    const { io, stderr } = bufferIO();
    expect(await main(['validate', file, '--with-mcp'], io)).toBe(3);
    expect(stderr()).toContain(`${file} is not a valid workflow spec (1 problem)`);
    expect(stderr()).toContain(
      `${file}:14:13 /agents/reader/tools/0: MCP server 'fs' has no tool 'read_txt_file'`,
    );
    expect(stderr()).toContain("fix: Did you mean 'fs.read_text_file'?");
    expect((await startedPids(log)).filter(alive)).toEqual([]);
  });

  it('reports the problem in the --json document', async () => {
    const { file } = await writeSpec('fs.read_txt_file');
    const { io, stdout } = bufferIO();
    expect(await main(['validate', file, '--with-mcp', '--json'], io)).toBe(3);
    const document = JSON.parse(stdout());
    expect(document.status).toBe('spec-error');
    expect(document.issues[0]).toMatchObject({ pointer: '/agents/reader/tools/0', line: 14 });
  });

  it('fails on a required server that does not start, warns on an optional one', async () => {
    const required = await writeSpec('fs.read_text_file', 'required');
    const first = bufferIO();
    expect(await main(['validate', required.file, '--with-mcp'], first.io)).toBe(3);
    expect(first.stderr()).toMatch(
      /:11:7 \/tools\/mcp\/1: MCP server 'broken' \(.*no-such-server\) could not start/,
    );

    const optional = await writeSpec('fs.read_text_file', 'optional');
    const second = bufferIO();
    expect(await main(['validate', optional.file, '--with-mcp'], second.io)).toBe(0);
    expect(second.stderr()).toContain('warning: ');
    expect(second.stderr()).toContain("/tools/mcp/1: optional MCP server 'broken' could not start");
  });
});

describe('strands validate: unset ${NAME} placeholders of MCP entries', () => {
  it('warns, naming the entry and the variable, at the place the spec sets it (exit 0)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'strands-validate-mcp-'));
    directories.push(directory);
    const file = join(directory, 'spec.yaml');
    await writeFile(
      file,
      [
        'version: 0',
        'name: mcp-placeholders',
        'runtime:',
        '  provider: openai',
        '  model_id: gpt-4o-mini',
        'tools:',
        '  mcp:',
        '    - id: docs',
        '      url: https://docs.example.com/mcp',
        '      headers:',
        '        Authorization: Bearer ${DOCS_TOKEN}',
        'agents:',
        '  a:',
        '    prompt: A',
        'pattern:',
        '  type: chain',
        '  config:',
        '    steps:',
        '      - agent: a',
        '        input: hi',
      ].join('\n'),
    );
    const { io, stderr } = bufferIO();
    expect(await main(['validate', file], io)).toBe(0);
    expect(stderr()).toContain(
      `warning: ${file}:11:9 /tools/mcp/0/headers/Authorization: MCP server 'docs': header Authorization uses \${DOCS_TOKEN}, but DOCS_TOKEN is not set in the environment`,
    );
    const set = bufferIO({ DOCS_TOKEN: 'token' });
    expect(await main(['validate', file], set.io)).toBe(0);
    expect(set.stderr()).toBe('');
  });
});
