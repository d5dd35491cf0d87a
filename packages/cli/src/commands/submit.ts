import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadSpec } from '@strands-cli/core';
import { ExitCode, type ExitCodeValue, StrandsError, UnsupportedFeatureError } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { type CommandContext, collect } from '../command-context.js';
import { redactingIO } from '../io/redacting-io.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { jsonFailure } from '../progress/json-result.js';
import { reportError } from '../report-error.js';
import { requiredDatabaseUrl } from '../run/database-flags.js';
import { loadEngine } from '../run/database-run.js';
import { writeReturnedArtifacts } from '../scale-out/write-artifacts.js';

/** Options of `strands submit`, as commander parses them. */
interface SubmitOptions {
  readonly database?: string;
  readonly var: readonly string[];
  readonly wait?: boolean;
  readonly out: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/**
 * `strands submit SPEC`: checks the spec here (so a typo fails before it is queued), enqueues it for
 * the workers and prints the run's id; with `--wait`, waits for the run, writes its artifacts on this
 * machine under `-o`, prints its response and exits as a local run would have.
 */
async function submit(specArgument: string, options: SubmitOptions, io: CliIO): Promise<number> {
  const databaseUrl = requiredDatabaseUrl(options.database, io.env);
  const file = resolve(io.cwd, specArgument);
  const loaded = await loadSpec(file, { vars: options.var, env: io.env, plugins: pluginSources(file, io) });
  if (loaded.capabilityIssues.length > 0) throw new UnsupportedFeatureError(loaded.capabilityIssues);
  const engine = await loadEngine(io);
  const client = await engine.openRunClient({ databaseUrl });
  try {
    const runId = await client.submit({
      specName: loaded.spec.name,
      specText: await readFile(file, 'utf8'),
      vars: options.var,
    });
    if (!options.wait) {
      io.stdout.write(
        options.json ? `${JSON.stringify({ ok: true, runId, status: 'ENQUEUED' })}\n` : `${runId}\n`,
      );
      return ExitCode.ok;
    }
    io.stderr.write(`Submitted run ${runId}; waiting for a worker\n`);
    const output = await client.wait(runId);
    if (!output.ok) {
      throw new StrandsError(
        `Run ${runId} failed: ${output.message}`,
        output.exitCode as ExitCodeValue,
        output.hint ? { hint: output.hint } : {},
      );
    }
    const written = await writeReturnedArtifacts(
      output.artifacts,
      resolve(io.cwd, options.out),
      options.force === true,
    );
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify({ ok: true, runId, response: output.response, artifacts: written, usage: output.usage })}\n`,
      );
    } else {
      io.stdout.write(output.response.endsWith('\n') ? output.response : `${output.response}\n`);
      io.stderr.write(`Run ${runId} completed; ${written.length} artifact(s) written under ${options.out}\n`);
    }
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}

/** Registers `strands submit`. */
export function defineSubmitCommand(program: Command, context: CommandContext): void {
  program
    .command('submit')
    .description(
      'Queue a run for `strands worker` processes on a PostgreSQL database (see docs/scale-out.md).',
    )
    .argument('<spec>', 'path to a workflow spec (its content is what the workers run)')
    .option('--database <url>', 'the PostgreSQL database the workers use (or STRANDS_DATABASE_URL)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .option('--wait', 'wait for the run and write its artifacts here')
    .option('-o, --out <dir>', 'with --wait: directory for artifacts', './artifacts')
    .option('--force', 'with --wait: overwrite existing artifacts')
    .option('--json', 'print one JSON document on stdout')
    .action(async (spec: string, options: SubmitOptions) => {
      const guarded = redactingIO(context.io);
      try {
        context.setExitCode(await submit(spec, options, guarded.io));
      } catch (error) {
        const exitCode = reportError(error, guarded.io);
        if (options.json) guarded.io.stdout.write(jsonFailure(error, exitCode, guarded.redactValue));
        context.setExitCode(exitCode);
      }
    });
}
