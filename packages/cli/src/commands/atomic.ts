import { resolve } from 'node:path';
import { UsageError } from '@strands-cli/core/errors';
import type { Command } from 'commander';
import { atomicProblems } from '../atomic/atomic-invariants.js';
import { defaultAtomicDirectory, findAtomicSpecs, locateAtomic } from '../atomic/find-atomic.js';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';

interface JsonOption {
  readonly json?: boolean;
}

/** A table of rows with left-aligned columns, the header first. */
function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

async function load(file: string, io: CliIO) {
  // Loaded on use, so that `strands --help` does not load the spec loader.
  const { loadSpec } = await import('@strands-cli/core/loader');
  return loadSpec(file, { plugins: pluginSources(file, io), requireInputs: false, env: io.env });
}

/** `strands atomic list [folder]`: the atomic agents of a folder (default `agents/atomic`). */
export async function atomicListCommand(
  io: CliIO,
  folder: string | undefined,
  options: JsonOption,
): Promise<number> {
  const root = resolve(io.cwd, folder ?? defaultAtomicDirectory);
  const rows: { name: string; description: string; capability: string; file: string }[] = [];
  for (const location of await findAtomicSpecs(root)) {
    const loaded = await load(location.file, io).catch(() => undefined);
    const labels = loaded?.spec.metadata?.labels ?? {};
    rows.push({
      name: location.name,
      description: loaded
        ? ((loaded.spec.description ?? '').trim().split('\n')[0] ?? '')
        : '(does not load: see strands atomic validate)',
      capability: String(labels['strands.io/capability'] ?? ''),
      file: location.file,
    });
  }
  if (options.json) io.stdout.write(`${JSON.stringify({ agents: rows }, null, 2)}\n`);
  else if (rows.length === 0) io.stdout.write(`No atomic agents under ${root}\n`);
  else
    io.stdout.write(
      table([
        ['NAME', 'CAPABILITY', 'DESCRIPTION'],
        ...rows.map((row) => [row.name, row.capability, row.description]),
      ]),
    );
  return 0;
}

/** `strands atomic describe <agent>`: its metadata, agent, schemas and tests. */
export async function atomicDescribeCommand(io: CliIO, target: string, options: JsonOption): Promise<number> {
  const location = await locateAtomic(target, io.cwd);
  const { spec } = await load(location.file, io);
  const [agentId, agent] = Object.entries(spec.agents)[0] ?? [];
  const description = {
    name: spec.name,
    description: spec.description,
    file: location.file,
    labels: spec.metadata?.labels ?? {},
    agent: agentId,
    model: agent?.model_id ?? spec.runtime.model_id,
    tools: agent?.tools ?? [],
    input_schema: agent?.input_schema,
    output_schema: agent?.output_schema,
  };
  if (options.json) {
    io.stdout.write(`${JSON.stringify(description, null, 2)}\n`);
    return 0;
  }
  const schema = (value: unknown) =>
    typeof value === 'string' ? value : value === undefined ? '(none)' : 'inline';
  io.stdout.write(
    table([
      ['FIELD', 'VALUE'],
      ['name', spec.name],
      ['description', (spec.description ?? '').trim().split('\n')[0] ?? ''],
      ['file', location.file],
      ['agent', agentId ?? ''],
      ['model', String(description.model ?? '(provider default)')],
      ['tools', description.tools.join(', ') || '(none)'],
      ['input_schema', schema(agent?.input_schema)],
      ['output_schema', schema(agent?.output_schema)],
      ...Object.entries(description.labels).map(([key, value]) => [`label ${key}`, String(value)]),
    ]),
  );
  return 0;
}

/** `strands atomic validate <agent>`: a valid spec that keeps the atomic rules (exit 3 otherwise). */
export async function atomicValidateCommand(io: CliIO, target: string, options: JsonOption): Promise<number> {
  const location = await locateAtomic(target, io.cwd);
  const { spec } = await load(location.file, io);
  const problems = atomicProblems(spec);
  if (options.json)
    io.stdout.write(
      `${JSON.stringify({ file: location.file, valid: problems.length === 0, problems }, null, 2)}\n`,
    );
  else if (problems.length === 0) io.stdout.write(`OK ${location.name} is a valid atomic agent\n`);
  else
    io.stderr.write(
      `${location.file} is not an atomic agent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`,
    );
  return problems.length === 0 ? 0 : 3;
}

/** `strands atomic test <agent>`: runs its `tests.yaml` cases; exit 10 when one fails. */
export async function atomicTestCommand(io: CliIO, target: string, options: JsonOption): Promise<number> {
  const location = await locateAtomic(target, io.cwd);
  // The runtime loads only for `atomic test`, the one subcommand that calls a model.
  const { runAtomicTests } = await import('../atomic/run-atomic-tests.js');
  const outcomes = await runAtomicTests(location, io);
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  if (options.json)
    io.stdout.write(
      `${JSON.stringify({ agent: location.name, passed: outcomes.length - failed, failed, cases: outcomes }, null, 2)}\n`,
    );
  else {
    io.stdout.write(
      table([
        ['CASE', 'RESULT', 'DETAIL'],
        ...outcomes.map((outcome) => [
          outcome.name,
          outcome.ok ? 'pass' : 'FAIL',
          outcome.problems.join('; '),
        ]),
      ]),
    );
    io.stdout.write(`${outcomes.length - failed} passed, ${failed} failed\n`);
  }
  return failed === 0 ? 0 : 10;
}

/** `strands atomic run <agent> --input file.json`: one run; prints the parsed answer (or the text). */
export async function atomicRunCommand(
  io: CliIO,
  target: string,
  options: JsonOption & { readonly input?: string },
): Promise<number> {
  const location = await locateAtomic(target, io.cwd);
  let input: Record<string, unknown> = {};
  if (options.input !== undefined) {
    const { readFile } = await import('node:fs/promises');
    const parsed: unknown = JSON.parse(await readFile(resolve(io.cwd, options.input), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(`${options.input} must hold a JSON object`, {
        hint: 'Give the input as {"name": value, ...}; its keys become the run variables.',
      });
    }
    input = parsed as Record<string, unknown>;
  }
  const { runAtomicAgent } = await import('../atomic/run-atomic-tests.js');
  const { response, json } = await runAtomicAgent(location, input, io);
  if (options.json)
    io.stdout.write(`${JSON.stringify({ agent: location.name, response, json: json ?? null }, null, 2)}\n`);
  else io.stdout.write(`${json === undefined ? response : JSON.stringify(json, null, 2)}\n`);
  return 0;
}

/** `strands atomic scaffold <name>`: a new agent folder with schemas, a sample and a test case. */
export async function atomicScaffoldCommand(
  io: CliIO,
  name: string,
  options: { readonly dir?: string; readonly provider?: string; readonly model?: string },
): Promise<number> {
  const { scaffoldAtomic } = await import('../atomic/scaffold-atomic.js');
  const written = await scaffoldAtomic({
    name,
    root: resolve(io.cwd, options.dir ?? defaultAtomicDirectory),
    provider: options.provider ?? 'openai',
    modelId: options.model ?? 'gpt-4o-mini',
  });
  io.stdout.write(`Created ${written.length} files:\n${written.map((file) => `  ${file}`).join('\n')}\n`);
  return 0;
}

/** Registers `strands atomic list|describe|validate|run|test|scaffold`. */
export function defineAtomicCommand(program: Command, context: CommandContext): void {
  const atomic = program
    .command('atomic')
    .description(
      'List, describe, validate, run, test and scaffold atomic agents (agents/atomic/<name>/<name>.yaml).',
    );
  atomic
    .command('list [folder]')
    .description(`List the atomic agents of a folder (default ./${defaultAtomicDirectory}).`)
    .option('--json', 'print JSON')
    .action(async (folder: string | undefined, options: JsonOption) => {
      context.setExitCode(await atomicListCommand(context.io, folder, options));
    });
  atomic
    .command('describe <agent>')
    .description('Show an atomic agent: metadata, model, tools and schemas.')
    .option('--json', 'print JSON')
    .action(async (target: string, options: JsonOption) => {
      context.setExitCode(await atomicDescribeCommand(context.io, target, options));
    });
  atomic
    .command('validate <agent>')
    .description('Check the spec and the atomic rules (one agent, one step or task, no deps).')
    .option('--json', 'print JSON')
    .action(async (target: string, options: JsonOption) => {
      context.setExitCode(await atomicValidateCommand(context.io, target, options));
    });
  atomic
    .command('run <agent>')
    .description('Run an atomic agent once; its schemas are enforced and the parsed answer printed.')
    .option('--input <file>', 'a JSON file whose keys become the run variables')
    .option('--json', 'print JSON')
    .action(async (target: string, options: JsonOption & { input?: string }) => {
      context.setExitCode(await atomicRunCommand(context.io, target, options));
    });
  atomic
    .command('scaffold <name>')
    .description('Create a new atomic agent folder: spec, schemas, a sample input and tests.yaml.')
    .option('--dir <folder>', `where to create it (default ./${defaultAtomicDirectory})`)
    .option('--provider <name>', 'runtime.provider (default openai)')
    .option('--model <id>', 'runtime.model_id (default gpt-4o-mini)')
    .action(async (name: string, options: { dir?: string; provider?: string; model?: string }) => {
      context.setExitCode(await atomicScaffoldCommand(context.io, name, options));
    });
  atomic
    .command('test <agent>')
    .description("Run the cases of the agent's tests.yaml against its model and report pass/fail per case.")
    .option('--json', 'print JSON')
    .action(async (target: string, options: JsonOption) => {
      context.setExitCode(await atomicTestCommand(context.io, target, options));
    });
}
