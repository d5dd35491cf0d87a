import { resolve } from 'node:path';
import {
  closeClientPool,
  displayPath,
  type LoadedSpec,
  prepareRecordReplay,
  type RunResult,
  type RunWorkflowOptions,
  runInSession,
  runWorkflow,
  writeUnsupportedReport,
} from '@strands-cli/core';
import { ExitCode, RunPausedError } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { allowEndpointDescription, allowedEndpoints } from '../allowed-endpoints.js';
import { type CommandContext, collect } from '../command-context.js';
import { type RedactingIO, redactingIO, routeConsoleTo } from '../io/redacting-io.js';
import type { CliIO } from '../io.js';
import { colorEnabled } from '../io.js';
import { createProgress } from '../progress/create-progress.js';
import { createStyle } from '../progress/format.js';
import { jsonFailure, jsonSuccess, jsonUnsupported } from '../progress/json-result.js';
import { formatSummary } from '../progress/summary.js';
import { reportError } from '../report-error.js';
import { addDatabaseOptions, type DatabaseFlags, databaseUrlOf } from '../run/database-flags.js';
import { runOnDatabase } from '../run/database-run.js';
import { formatPausedPanel, jsonPaused } from '../run/paused-report.js';
import { abortOnInterrupt } from '../run/run-setup.js';
import { startTracing } from '../run/run-tracing.js';
import { checkSessionFlags, type SessionFlags } from '../run/session-flags.js';
import { type PreparedRun, prepareRun, sessionStoreFor } from '../run/session-setup.js';
import { canAskInTerminal, terminalQuestioner } from '../run/terminal-question.js';
import { checkToolSetup } from '../run/tool-setup-notice.js';

/** Options of `strands run`, as commander parses them. */
export interface RunCommandOptions extends SessionFlags, DatabaseFlags {
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
  readonly allowCodeExec?: boolean;
  readonly record?: string;
  readonly replay?: string;
  readonly liveTools?: boolean;
  readonly trace?: boolean;
  readonly report?: string;
}

/**
 * `strands run SPEC`: loads and checks the spec, runs it with progress on stderr, prints the final
 * response (or one JSON document with `--json`) on stdout and a summary on stderr, and returns the
 * exit code. Every pooled client is closed before it returns, so the process exits by itself.
 */
export async function runCommand(
  specPath: string | undefined,
  options: RunCommandOptions,
  terminal: CliIO,
): Promise<number> {
  const guarded = redactingIO(terminal);
  const io = guarded.io;
  const restoreConsole = routeConsoleTo(io.stderr);
  const session: SessionState = {};
  try {
    return await runAndReport(specPath, options, guarded, session);
  } catch (error) {
    if (RunPausedError.isInstance(error)) {
      io.stderr.write(formatPausedPanel(error, createStyle(colorEnabled(io, 'stderr'))));
      if (options.json) io.stdout.write(jsonPaused(error, guarded.redactValue));
      return ExitCode.paused;
    }
    const exitCode = reportError(error, io);
    await forgetEmptySession(session, io);
    if (session.id !== undefined && resumableExit(exitCode)) {
      io.stderr.write(`Session ${session.id} kept: resume it with \`strands run --resume ${session.id}\`\n`);
    }
    if (options.json) io.stdout.write(jsonFailure(error, exitCode, guarded.redactValue, session.id));
    return exitCode;
  } finally {
    await closeClientPool();
    restoreConsole();
  }
}

/** The session of this run, once it has one; `created` when this run started it. */
interface SessionState {
  id?: string;
  created?: boolean;
}

/**
 * A new session whose run failed before any step finished (a preflight check, a missing credential)
 * holds nothing worth resuming: it is deleted rather than listed forever.
 */
async function forgetEmptySession(session: SessionState, io: CliIO): Promise<void> {
  if (session.id === undefined || !session.created) return;
  const store = sessionStoreFor(io);
  const record = await store.get(session.id).catch(() => undefined);
  if (record && record.invocations === 0 && record.status !== 'paused') {
    await store.delete(session.id).catch(() => undefined);
    session.id = undefined;
  }
}

/** Failures after which the kept session is worth resuming (not spec or usage errors). */
function resumableExit(exitCode: number): boolean {
  return (
    exitCode === ExitCode.runtime ||
    exitCode === ExitCode.budget ||
    exitCode === ExitCode.interrupted ||
    exitCode === ExitCode.artifactIo
  );
}

async function runAndReport(
  specArgument: string | undefined,
  options: RunCommandOptions,
  guarded: RedactingIO,
  session: SessionState,
): Promise<number> {
  const { io } = guarded;
  checkSessionFlags(specArgument, options);
  const databaseUrl = databaseUrlOf(options, io.env);
  const prepared = await prepareRun(specArgument, options, io);
  try {
    return await runPrepared(specArgument, prepared, { ...options, databaseUrl }, guarded, session);
  } finally {
    // Normally the run released it already; this covers a failure before the run started.
    await prepared.resumed?.handle.release();
  }
}

async function runPrepared(
  specArgument: string | undefined,
  prepared: PreparedRun,
  options: RunCommandOptions & { readonly databaseUrl?: string },
  guarded: RedactingIO,
  session: SessionState,
): Promise<number> {
  const { io } = guarded;
  const { loaded, plugins, out } = prepared;
  const specPath = specArgument ?? prepared.file;
  guarded.useSpec(loaded.spec);
  if (prepared.specChanged && options.quiet !== true) {
    io.stderr.write(
      "Warning: the spec differs from the session's snapshot; steps whose requests changed run again live, and so does everything after the first one\n",
    );
  }
  // A --var nothing reads still runs (extra vars were always accepted), but the user hears of it.
  for (const warning of loaded.warnings) {
    if (warning.code === 'unused-var' && options.quiet !== true)
      io.stderr.write(`Warning: ${warning.message}\n`);
  }
  if (loaded.capabilityIssues.length > 0) return reportUnsupported(loaded, out, specPath, options, guarded);
  // A replayed run answers its tools from the cassette: their keys and headers do not matter then.
  if (options.replay === undefined) checkToolSetup(loaded, io, options.quiet === true);
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
    quiet: options.quiet === true,
    json: options.json === true,
    debug: options.debug === true,
  });
  const tracing = await startTracing(
    loaded,
    {
      traceFile: options.trace === true,
      reportFile: options.report === undefined ? undefined : resolve(io.cwd, options.report),
      session: options.saveSession !== false || prepared.resumed !== undefined,
    },
    io,
    options.quiet === true,
  );
  const controller = new AbortController();
  const stopListening = abortOnInterrupt(io, controller);
  let result: RunResult;
  try {
    // A run on a database keeps its journal there, not in a local session.
    const handle = options.databaseUrl === undefined ? await prepared.openSession() : undefined;
    if (handle) {
      session.id = handle.id;
      session.created = prepared.resumed === undefined;
    }
    const interactive = options.interactive === true && canAskInTerminal();
    if (options.interactive === true && !interactive && options.quiet !== true) {
      io.stderr.write(
        'Warning: --interactive needs a terminal on standard input; questions will pause the run\n',
      );
    }
    const runOptions: RunWorkflowOptions = {
      signal: controller.signal,
      onEvent: tracing
        ? (event) => {
            tracing.onEvent(event);
            progress.onEvent(event);
          }
        : (event) => progress.onEvent(event),
      ...(tracing ? { traceForArtifacts: tracing.json } : {}),
      out,
      force: options.force === true,
      env: io.env,
      cwd: io.cwd,
      stream: options.stream === true,
      allowPrivateNetwork: options.allowPrivateNetwork === true || io.env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
      allowedEndpoints: allowedEndpoints(options.allowEndpoint ?? []),
      allowFileWrite: options.allowFileWrite === true,
      allowCodeExec: options.allowCodeExec === true,
      searchFrom: plugins.searchFrom,
      ...(plugins.executors ? { executors: plugins.executors } : {}),
      ...(interactive ? { onHumanInput: terminalQuestioner(io) } : {}),
      ...recordReplay.runOptions,
    };
    const { databaseUrl } = options;
    result = databaseUrl
      ? (
          await runOnDatabase(
            {
              databaseUrl,
              specFile: prepared.file,
              specName: loaded.spec.name,
              patternConfig: loaded.spec.pattern.config,
              vars: options.var ?? [],
              newRun: options.newRun === true,
              execute: ({ journal, requestGate }) =>
                runWorkflow(loaded, { ...runOptions, journal, requestGate }),
            },
            io,
          )
        ).result
      : handle
        ? await runInSession(loaded, { handle, humanAnswers: prepared.humanAnswers }, runOptions)
        : await runWorkflow(loaded, runOptions);
  } finally {
    stopListening();
    progress.stop();
    await tracing?.finish({
      out,
      sessionId: session.id,
      store: sessionStoreFor(io),
      redactValue: guarded.redactValue,
    });
  }
  const cassette = await recordReplay.finish();
  if (options.json) {
    io.stdout.write(jsonSuccess(result, guarded.redactValue, session.id));
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
        sessionId: session.id,
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
  loaded: LoadedSpec,
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
  const command = program
    .command('run')
    .description('Run a workflow and write its artifacts.')
    .argument('[spec]', 'path to a workflow spec (omit it with --resume)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .option('-o, --out <dir>', "directory for artifacts (a resumed run reuses the session's)", './artifacts')
    .option('--force', 'overwrite existing artifacts')
    .option('-v, --verbose', 'show more detail, including cache and connection counts')
    .option('--debug', 'log every cache hit and miss, retry and request')
    .option('--json', 'print one JSON result document on stdout')
    .option('-q, --quiet', 'print only the result')
    .option('--stream', 'show the model text as it arrives (sequential steps)')
    .option('--allow-private-network', 'let HTTP tools reach loopback and private addresses')
    .option('--allow-endpoint <url>', allowEndpointDescription, collect, [])
    .option('--allow-file-write', 'let the file_write tool write inside the working directory')
    .option('--allow-code-exec', 'let the python_exec tool run Python code (limited child process)')
    .option('--record <file>', 'record every model call and tool result to a cassette file')
    .option('--replay <file>', 'answer model calls and tool calls from a cassette file, without network')
    .option(
      '--live-tools',
      'with --replay: run the tools for real instead of answering them from the cassette',
    )
    .option('--resume <id>', 'continue a failed, interrupted or paused session (see `strands sessions list`)')
    .option('--spec <file>', 'with --resume: resume against this edited spec instead of the saved copy')
    .option('--auto-resume', 'resume the latest unfinished session of this spec, or start a new run')
    .option('--hitl-response <text>', 'with --resume: the answer to the question the session is waiting on')
    .option('--interactive', 'answer human-in-the-loop questions in this terminal instead of pausing')
    .option('--trace', "write the run's trace as <name>-trace.json in the artifacts directory")
    .option('--report <file>', 'write the HTML run report (graph, timeline, inputs/outputs) to FILE')
    .option('--no-save-session', 'do not keep a session (the run cannot be resumed)');
  addDatabaseOptions(command).action(
    async (spec: string | undefined, options: RunCommandOptions, command: Command) => {
      // The default folder applies to a new run; a resumed run keeps the session's unless -o is given.
      const out = command.getOptionValueSource('out') === 'default' ? undefined : options.out;
      context.setExitCode(await runCommand(spec, { ...options, out }, context.io));
    },
  );
}
