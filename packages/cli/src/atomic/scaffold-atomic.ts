import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '@strands-cli/core/errors';

/** What `strands atomic scaffold` needs. */
export interface ScaffoldOptions {
  readonly name: string;
  /** The folder the agent's folder is created in. */
  readonly root: string;
  readonly provider: string;
  readonly modelId: string;
}

const schema = (properties: Record<string, unknown>, required: string[]) =>
  `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required }, null, 2)}\n`;

/**
 * Writes a new atomic agent folder: `<name>.yaml` (one agent, one step, labelled atomic), its input
 * and output schemas, a sample input and a `tests.yaml` case. Refuses a folder that already exists,
 * so nothing is overwritten.
 * @returns the files written.
 */
export async function scaffoldAtomic(options: ScaffoldOptions): Promise<string[]> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.name)) {
    throw new UsageError(`'${options.name}' is not a usable agent name`, {
      hint: 'Use letters, digits, ".", "_" and "-", e.g. classify_ticket.',
    });
  }
  const directory = join(options.root, options.name);
  try {
    await mkdir(directory, { recursive: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${directory} already exists`, {
        hint: 'Choose another name, or remove the folder.',
      });
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await mkdir(directory, { recursive: true });
    } else throw error;
  }
  await mkdir(join(directory, 'schemas'));
  await mkdir(join(directory, 'examples'));
  const files: Record<string, string> = {
    [`${options.name}.yaml`]: [
      'version: 0',
      `name: ${options.name}`,
      'description: What this agent does, in one line.',
      'metadata:',
      '  labels:',
      '    strands.io/agent_type: atomic',
      '    strands.io/version: v1',
      'runtime:',
      `  provider: ${options.provider}`,
      `  model_id: ${options.modelId}`,
      'agents:',
      `  ${options.name}:`,
      '    prompt: |',
      '      Answer the request in the input.',
      '      Return a JSON object with "result".',
      '    input_schema: ./schemas/input.json',
      '    output_schema: ./schemas/output.json',
      'pattern:',
      '  type: chain',
      '  config:',
      '    steps:',
      `      - agent: ${options.name}`,
      '        input: "{{ text }}"',
      '',
    ].join('\n'),
    'schemas/input.json': schema({ text: { type: 'string' } }, ['text']),
    'schemas/output.json': schema({ result: { type: 'string' } }, ['result']),
    'examples/sample.json': `${JSON.stringify({ text: 'An example input.' }, null, 2)}\n`,
    'tests.yaml': [
      'tests:',
      '  - name: sample',
      '    input: ./examples/sample.json',
      '    expect:',
      '      checks:',
      '        - type: has_keys',
      '          keys: [result]',
      '',
    ].join('\n'),
  };
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(directory, name);
    await writeFile(path, content, { flag: 'wx' });
    written.push(path);
  }
  return written;
}
