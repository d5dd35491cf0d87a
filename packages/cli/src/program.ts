import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

/** Collects repeated `--var key=value` options. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Builds the `strands` program. Every action imports its command module lazily, so `--help`,
 * `--version` and `validate` never load what `run` needs (or any provider SDK).
 */
export function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command('strands')
    .description('Run declarative agentic workflows written in YAML on Bedrock, OpenAI and Ollama.')
    .version(`strands-cli ${VERSION}`, '-V, --version', 'print the version and exit')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();

  program
    .command('validate')
    .description('Check a spec file: schema, references, templates. Prints every problem with file:line:col.')
    .argument('<spec>', 'path to a workflow spec (.yaml, .yml or .json)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Checks, without calling any model: the spec's structure (misspelt keys get "did you mean"),
references (agents, tools, task deps, cycles), every template against what its step can see,
inputs and --var values, and providers. Names a template uses that no input declares are
warnings: pass them with --var when you run.

Exit codes: 0 valid, 3 invalid (every problem is listed), 2 malformed --var.

Examples:
  strands validate workflow.yaml
  strands validate workflow.yaml --var topic="solar power" --json`,
    )
    .action(async (spec: string, options) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExitCode(await validateCommand(spec, options, io));
    });

  program
    .command('plan')
    .description('Show what a spec will do: runtime, agents with their provider and model, and the pattern.')
    .argument('<spec>', 'path to a workflow spec')
    .addOption(
      new Option('--format <format>', 'md (readable), json (for tools) or mermaid (a flowchart)')
        .choices(['md', 'json', 'mermaid'])
        .default('md'),
    )
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Nothing runs and no model is called. The plan shows each agent's effective provider and model
(after per-agent overrides), the pattern's steps/tasks/branches/routes, the inputs, the
artifacts, and whether this version can run the spec.

Exit codes: 0 (also when some features are not supported yet), 3 when the spec does not load.

Examples:
  strands plan workflow.yaml
  strands plan workflow.yaml --format mermaid > plan.mmd`,
    )
    .action(async (spec: string, options) => {
      const { planCommand } = await import('./commands/plan.js');
      setExitCode(await planCommand(spec, options, io));
    });

  program
    .command('explain')
    .description('List the features a spec uses that this version cannot run yet, and how to change them.')
    .argument('<spec>', 'path to a workflow spec')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
For each feature: where it is (JSON pointer and file:line:col), why it cannot run, and what to
change. \`strands run\` refuses such a spec with exit 18.

Exit codes: 0 (whatever it finds), 3 when the spec does not load.`,
    )
    .action(async (spec: string, options) => {
      const { explainCommand } = await import('./commands/explain.js');
      setExitCode(await explainCommand(spec, options, io));
    });

  program
    .command('run')
    .description('Run a workflow and write its artifacts.')
    .argument('<spec>', 'path to a workflow spec')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .option('-o, --out <dir>', 'directory for artifacts', './artifacts')
    .option('--force', 'overwrite existing artifacts')
    .option('-v, --verbose', 'show more detail, including cache and connection counts')
    .option('--debug', 'log every cache hit and miss, retry and request')
    .option('--json', 'print one JSON result document on stdout')
    .option('-q, --quiet', 'print only the result')
    .option('--stream', 'show the model text as it arrives (sequential steps)')
    .option('--allow-private-network', 'let HTTP tools reach loopback and private addresses')
    .option(
      '--allow-endpoint <url>',
      'let a provider endpoint the spec names receive your credentials (repeatable)',
      collect,
      [],
    )
    .option('--allow-file-write', 'let the file_write tool write inside the working directory')
    .option('--record <file>', 'record every model call to a cassette file')
    .option('--replay <file>', 'answer model calls from a cassette file, without network')
    .action(async (spec: string, options) => {
      const { runCommand } = await import('./commands/run.js');
      setExitCode(await runCommand(spec, options, io));
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the spec format (for editors and the YAML language server).')
    .addHelpText(
      'after',
      `
Save it next to your specs and point the YAML language server at it with a first line:
  strands schema > strands-workflow.schema.json
  # yaml-language-server: $schema=./strands-workflow.schema.json`,
    )
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExitCode(await schemaCommand(io));
    });

  program
    .command('list-supported')
    .description('List the patterns, providers and features this version can run.')
    .action(async () => {
      const { listSupportedCommand } = await import('./commands/list-supported.js');
      setExitCode(await listSupportedCommand(io));
    });

  program
    .command('list-tools')
    .description('List the native tools agents can use, with their descriptions.')
    .action(async () => {
      const { listToolsCommand } = await import('./commands/list-tools.js');
      setExitCode(await listToolsCommand(io));
    });

  program
    .command('doctor')
    .description('Check Node, installed plugins and, for a spec, provider credentials and reachability.')
    .argument('[spec]', 'a workflow spec whose providers to check')
    .action(async (spec: string | undefined) => {
      const { doctorCommand } = await import('./commands/doctor.js');
      setExitCode(await doctorCommand(spec, io));
    });

  program
    .command('init')
    .description('Write a starter spec with the $schema line for editors.')
    .argument('[file]', 'where to write it', 'workflow.yaml')
    .addOption(
      new Option('--pattern <pattern>', 'pattern')
        .choices(['chain', 'workflow', 'parallel', 'routing'])
        .default('chain'),
    )
    .addOption(
      new Option('--provider <provider>', 'provider')
        .choices(['openai', 'ollama', 'bedrock'])
        .default('ollama'),
    )
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, options) => {
      const { initCommand } = await import('./commands/init.js');
      setExitCode(await initCommand(file, options, io));
    });

  return program;
}

export { CommanderError };
