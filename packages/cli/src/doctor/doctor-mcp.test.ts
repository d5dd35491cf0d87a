import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIO, projectWithFakeProvider } from '../__fixtures__/fake-provider-package.js';
import { main } from '../main.js';
import { downloadNote } from './doctor-mcp.js';

const server = fileURLToPath(new URL('../__fixtures__/mcp/tiny-server.mjs', import.meta.url));

describe('doctor on MCP servers', () => {
  it.each([
    ['npx', ['-y', '@modelcontextprotocol/server-filesystem', '.']],
    ['npx', ['--yes', 'some-server']],
    ['/usr/bin/pnpm', ['dlx', 'some-server']],
    ['uvx', ['mcp-server-fetch']],
  ])('notes that `%s %s` may download its package at run time', (command, args) => {
    const note = downloadNote({ id: 'fs', command, args });
    expect(note?.status).toBe('note');
    expect(note?.text).toContain(`MCP server 'fs' runs \`${[command, ...args].join(' ')}\``);
    expect(note?.text).toContain('may download the package at run time');
  });

  it.each([
    ['npx', ['some-server']],
    ['node', ['server.js']],
    ['pnpm', ['exec', 'some-server']],
  ])('has nothing to say about `%s %s`', (command, args) => {
    expect(downloadNote({ id: 'fs', command, args })).toBeUndefined();
    expect(downloadNote({ id: 'web', args: [] })).toBeUndefined();
  });

  it("starts the spec's servers, counts their tools and locates a named tool that is missing (exit 10)", async () => {
    const directory = await projectWithFakeProvider();
    const log = join(directory, 'starts.log');
    const spec = [
      'version: 1',
      'name: doctor-mcp',
      'runtime:',
      '  provider: "@fixtures/strands-provider-fake"',
      'tools:',
      '  mcp:',
      '    - id: fs',
      `      command: ${JSON.stringify(process.execPath)}`,
      `      args: [${JSON.stringify(server)}, ${JSON.stringify(log)}]`,
      '    - id: web',
      '      command: npx',
      '      args: [-y, some-mcp-server]',
      '      optional: true',
      'agents:',
      '  a:',
      '    prompt: A',
      '    tools: [fs.read_txt_file, web]',
      'pattern:',
      '  type: chain',
      '  config:',
      '    steps:',
      '      - agent: a',
      '        input: hi',
    ].join('\n');
    await writeFile(join(directory, 'spec.yaml'), spec);
    // An empty PATH: npx is not found, so the optional server fails to start without reaching a registry.
    const { io, stdout } = bufferIO(directory, { FAKE_KEY: 'set', PATH: '' });
    expect(await main(['doctor', 'spec.yaml'], io)).toBe(10);
    const text = stdout();
    expect(text).toContain(`✓ MCP server fs (${process.execPath} ${server} ${log}): 2 tools`);
    expect(text).toContain(
      `✗   ${join(directory, 'spec.yaml')}:17:13 /agents/a/tools/0: MCP server 'fs' has no tool 'read_txt_file'`,
    );
    expect(text).toContain("fix: Did you mean 'fs.read_text_file'?");
    expect(text).toContain(
      "i   MCP server 'web' runs `npx -y some-mcp-server`, which may download the package",
    );
    expect(text).toContain(
      `!   ${join(directory, 'spec.yaml')}:10:7 /tools/mcp/1: optional MCP server 'web' could not start`,
    );
    expect(text).toMatch(/1 problem\(s\) found, 1 warning\(s\)/);
  });
});
