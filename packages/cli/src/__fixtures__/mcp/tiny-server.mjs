// A minimal MCP stdio server for command tests: offers read_text_file and list_directory, and appends
// its pid to the log file named by its first argument, so a test can tell whether it was started.
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [log] = process.argv.slice(2);
appendFileSync(log, `${process.pid}\n`);
const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
const schema = { type: 'object', properties: { path: { type: 'string' } } };
const tools = [
  { name: 'read_text_file', description: 'Reads a file.', inputSchema: schema },
  { name: 'list_directory', description: 'Lists a directory.', inputSchema: schema },
];
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, method, params } = JSON.parse(line);
  if (id === undefined) return;
  if (method === 'initialize') {
    const serverInfo = { name: 'tiny', version: '1.0.0' };
    send({
      id,
      result: { protocolVersion: params.protocolVersion, capabilities: { tools: {} }, serverInfo },
    });
  } else if (method === 'tools/list') send({ id, result: { tools } });
  else send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
});
