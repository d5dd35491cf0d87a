import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunEvent } from '@strands-cli/core';
import { displayPath, type LoadedSpec } from '@strands-cli/core';
import type { SessionStoreV1 } from '@strands-cli/core/spec';
import type { RunTelemetry } from '@strands-cli/telemetry-otel';
import type { CliIO } from '../io.js';
import { collectStepIo } from '../report/step-io.js';
import { writeRunReport } from '../report/write-report.js';

/** What a run asked of its tracing. */
export interface TracingRequest {
  /** `--trace`: write `<name>-trace.json` in the artifacts directory. */
  readonly traceFile: boolean;
  /** `--report FILE`, resolved: write the HTML run report there. */
  readonly reportFile: string | undefined;
  /** The run keeps a session, which keeps the trace for `strands report SESSION`. */
  readonly session: boolean;
}

/** Where the end of the run saves what it traced. */
export interface TracingEnd {
  readonly out: string;
  /** The run's session, when it has one by now. */
  readonly sessionId: string | undefined;
  readonly store: SessionStoreV1;
  /** The run's secret policy (a deep copy with secrets replaced), applied to all that is kept or shown. */
  readonly redactValue: <T>(value: T) => T;
}

/** The tracing of one `strands run`, when the spec, `--trace`, `--report` or a session asked for it. */
export interface RunTracing {
  readonly telemetry: RunTelemetry;
  /** Feeds one run event to the recorder and to the report's input/output collector. */
  readonly onEvent: (event: RunEvent) => void;
  /** The trace JSON, as `{{ TRACE }}` and the `--trace` file hold it. */
  json(): string;
  /**
   * Flushes the export (bounded), writes the `--trace` file and the `--report` file, and keeps the
   * trace in the session. Runs for failed and paused runs too: that is when a trace is read most.
   * Never throws: a trace or report that cannot be written only warns.
   */
  finish(end: TracingEnd): Promise<void>;
}

/** The session attachments `strands report SESSION` reads. */
export const sessionTraceName = 'trace.json';
export const sessionReportDataName = 'report.json';

/**
 * Starts tracing when the spec has a `telemetry` section, `--trace` or `--report` was given, or the
 * run keeps a session. The package is imported only then (OpenTelemetry only for `telemetry`), so a
 * run with none of them loads none of it.
 */
export async function startTracing(
  loaded: LoadedSpec,
  request: TracingRequest,
  io: CliIO,
  quiet: boolean,
): Promise<RunTracing | undefined> {
  const { spec } = loaded;
  if (!spec.telemetry && !request.traceFile && request.reportFile === undefined && !request.session)
    return undefined;
  const { startRunTelemetry } = await import('@strands-cli/telemetry-otel');
  const telemetry = await startRunTelemetry({
    telemetry: spec.telemetry,
    specName: spec.name,
    pattern: spec.pattern.type,
    env: io.env,
    warn: (message) => {
      if (!quiet) io.stderr.write(`Note: ${message}\n`);
    },
  });
  const stepIo = collectStepIo();
  const json = (): string => `${JSON.stringify(telemetry.document(), null, 2)}\n`;
  const warn = (path: string, error: unknown): void => {
    io.stderr.write(`Warning: could not write ${displayPath(path, io.cwd)}: ${(error as Error).message}\n`);
  };
  return {
    telemetry,
    onEvent(event) {
      telemetry.onEvent(event);
      stepIo.onEvent(event);
    },
    json,
    async finish(end) {
      await telemetry.shutdown();
      const document = telemetry.document();
      const graph = loaded.analysis.graph;
      const stepTexts = stepIo.snapshot();
      if (request.traceFile) {
        const path = join(end.out, `${spec.name}-trace.json`);
        try {
          await mkdir(end.out, { recursive: true });
          await writeFile(path, json());
          if (!quiet) io.stderr.write(`Trace written to ${displayPath(path, io.cwd)}\n`);
        } catch (error) {
          warn(path, error);
        }
      }
      if (end.sessionId !== undefined && end.store.writeAttachment) {
        try {
          await end.store.writeAttachment(end.sessionId, sessionTraceName, JSON.stringify(document));
          const data = { graph, step_io: stepTexts };
          await end.store.writeAttachment(
            end.sessionId,
            sessionReportDataName,
            JSON.stringify(end.redactValue(data)),
          );
        } catch (error) {
          warn(`the trace of session ${end.sessionId}`, error);
        }
      }
      if (request.reportFile !== undefined) {
        try {
          const bytes = await writeRunReport(request.reportFile, {
            trace: document,
            stepIo: stepTexts,
            graph,
            redact: (text) => end.redactValue(text),
            generatedAt: new Date().toISOString(),
          });
          if (!quiet)
            io.stderr.write(
              `Report written to ${displayPath(request.reportFile, io.cwd)} (${Math.ceil(bytes / 1024)} KB)\n`,
            );
        } catch (error) {
          io.stderr.write(`Warning: ${(error as Error).message}\n`);
        }
      }
    },
  };
}
