import { resolve } from 'node:path';
import {
  closeClientPool,
  displayPath,
  loadSpec,
  prepareRecordReplay,
  type RunResult,
  runWorkflow,
  writeUnsupportedReport,
} from '@strands-cli/core';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { allowEndpointDescription, allowedEndpoints } from '../allowed-endpoints.js';
import { type CommandContext, collect } from '../command-context.js';
import { type RedactingIO, redactingIO, routeConsoleTo } from '../io/redacting-io.js';
import type { CliIO } from '../io.js';
import { colorEnabled } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { createProgress } from '../progress/create-progress.js';
import { createStyle } from '../progress/format.js';
import { jsonFailure, jsonSuccess, jsonUnsupported } from '../progress/json-result.js';
import { formatSummary } from '../progress/summary.js';
import { reportError } from '../report-error.js';
import { abortOnInterrupt } from '../run/run-setup.js';

/** Options of `strands run`, as commander parses them. */
export interface RunCommandOptions {
  readonly var?: readonly string[];
  readonly out?: string;
  readonly force?: boolean;
  readonly verbose?: boolean;
  readonly debug?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly stream?: boolean;
  readonly allowPrivateNetwork?: boolean;
  readonly allowEndpoint?: readonly string[];
  readonly allowFileWrite?: boolean;
  readonly record?: string;
  readonly replay?: string;
  readonly liveTools?: boolean;
}

/**
 * `strands run SPEC`: loads and checks the spec, runs it with progress on stderr, prints the final
 * response (or one JSON document with `--json`) on stdout and a summary on stderr, and returns the
 * exit code. Every pooled client is closed before it returns, so the process exits by itself.
 */
export async function runCommand(
  specPath: string,
  options: RunCommandOptions,
  terminal: CliIO,
): Promise<number> {
  const guarded = redactingIO(terminal);
  const io = guarded.io;
  const restoreConsole = routeConsoleTo(io.stderr);
  try {
    return await runAndReport(specPath, options, guarded);
  } catch (error) {
    const exitCode = reportError(error, io);
    if (options.json) io.stdout.write(jsonFailure(error, exitCode, guarded.redactValue));
    return exitCode;
  } finally {
    await closeClientPool();
    restoreConsole();
  }
}

async function runAndReport(
  specPath: string,
  options: RunCommandOptions,
  guarded: RedactingIO,
): Promise<number> {
  const { io } = guarded;
  const file = resolve(io.cwd, specPath);
  const plugins = pluginSources(file, io);
  const out = resolve(io.cwd, options.out ?? './artifacts');
  const loaded = await loadSpec(file, { vars: options.var ?? [], env: io.env, plugins });
  guarded.useSpec(loaded.spec);
  // A --var nothing reads still runs (extra vars were always accepted), but the user hears of it.
  for (const warning of loaded.warnings) {
    if (warning.code === 'unused-var' && options.quiet !== true)
      io.stderr.write(`Warning: ${warning.message}\n`);
  }
  if (loaded.capabilityIssues.length > 0) return reportUnsupported(loaded, out, specPath, options, guarded);
  const recordReplay = await prepareRecordReplay({
    record: options.record,
    replay: options.replay,
    liveTools: options.liveTools === true,
    spec: loaded.spec,
    cwd: io.cwd,
    env: io.env,
    sources: plugins,
  });
  const progress = createProgress(io, {
    quiet: options.quiet === true || options.json === true,
    debug: options.debug === true,
  });
  const controller = new AbortController();
  const stopListening = abortOnInterrupt(io, controller);
  let result: RunResult;
  try {
    result = await runWorkflow(loaded, {
      signal: controller.signal,
      onEvent: (event) => progress.onEvent(event),
      out,
      force: options.force === true,
      env: io.env,
      cwd: io.cwd,
      stream: options.stream === true,
      allowPrivateNetwork: options.allowPrivateNetwork === true || io.env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
      allowedEndpoints: allowedEndpoints(options.allowEndpoint ?? []),
      allowFileWrite: options.allowFileWrite === true,
      searchFrom: plugins.searchFrom,
      ...(plugins.executors ? { executors: plugins.executors } : {}),
      ...recordReplay.runOptions,
    });
  } finally {
    stopListening();
    progress.stop();
  }
  const cassette = await recordReplay.finish();
  if (options.json) {
    io.stdout.write(jsonSuccess(result, guarded.redactValue));
    return ExitCode.ok;
  }
  // With --stream on a terminal the final answer was just shown; printing it again would repeat it.
  const alreadyShown =
    options.stream === true &&
    io.stdout.isTTY &&
    io.stderr.isTTY &&
    progress.lastStreamedText === result.response;
  if (!alreadyShown)
    io.stdout.write(result.response.endsWith('\n') ? result.response : `${result.response}\n`);
  if (!options.quiet) {
    const style = createStyle(colorEnabled(io, 'stderr'));
    io.stderr.write(
      formatSummary(result, {
        verbose: options.verbose === true || options.debug === true,
        cwd: io.cwd,
        style,
      }),
    );
    if (cassette.written)
      io.stderr.write(
        `  Recorded ${cassette.calls} model call(s) to ${displayPath(cassette.written, io.cwd)}\n`,
      );
  }
  return ExitCode.ok;
}

async function reportUnsupported(
  loaded: Awaited<ReturnType<typeof loadSpec>>,
  out: string,
  specPath: string,
  options: RunCommandOptions,
  { io, redactValue }: RedactingIO,
): Promise<number> {
  // The report is a file, past the redacting streams: its text is redacted before it is written.
  const issues = redactValue(loaded.capabilityIssues);
  const report = await writeUnsupportedReport(loaded.spec, issues, out, specPath);
  const lines = [`${specPath} uses ${issues.length} feature(s) this version cannot run yet:`];
  for (const issue of issues) {
    lines.push(`  ${issue.pointer || '/'}: ${issue.reason}`, `    fix: ${issue.remediation}`);
  }
  lines.push(`Report written to ${displayPath(report, io.cwd)}`);
  io.stderr.write(`${lines.join('\n')}\n`);
  if (options.json) io.stdout.write(jsonUnsupported(issues, report, redactValue));
  return ExitCode.unsupported;
}

/** Registers `strands run`: its arguments, flags and help text. */
export function defineRunCommand(program: Command, context: CommandContext): void {
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
    .option('--allow-endpoint <url>', allowEndpointDescription, collect, [])
    .option('--allow-file-write', 'let the file_write tool write inside the working directory')
    .option('--record <file>', 'record every model call and tool result to a cassette file')
    .option('--replay <file>', 'answer model calls and tool calls from a cassette file, without network')
    .option(
      '--live-tools',
      'with --replay: run the tools for real instead of answering them from the cassette',
    )
    .action(async (spec: string, options: RunCommandOptions) => {
      context.setExitCode(await runCommand(spec, options, context.io));
    });
}
