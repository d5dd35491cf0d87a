import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SessionError, type SessionStoreV1, UsageError } from '@strands-cli/core/spec';
import type { ReportGraph, ReportInput, StepIo } from '@strands-cli/telemetry-otel/report';
import { sessionReportDataName, sessionTraceName } from '../run/run-tracing.js';

/** What `strands report` draws, and where the report goes unless `-o` says otherwise. */
export interface ReportSource {
  readonly input: Omit<ReportInput, 'redact' | 'generatedAt'>;
  /** The folder of the default report file: the trace's folder, or the working directory for a session. */
  readonly defaultDir: string;
}

/**
 * Reads the argument of `strands report`: a trace JSON file (`--trace`'s output) when such a file
 * exists or the argument ends in `.json`, else a session id whose run kept its trace.
 * @throws UsageError (exit 2) for a file that cannot be read or is not a trace
 * @throws SessionError (exit 17) for an unknown session or one that kept no trace
 */
export async function readReportSource(
  argument: string,
  cwd: string,
  sessions: { readonly store: SessionStoreV1; readonly dir: string },
): Promise<ReportSource> {
  const path = resolve(cwd, argument);
  const isFile = (await stat(path).catch(() => undefined))?.isFile() === true;
  if (isFile || argument.endsWith('.json')) return readTraceFile(path, argument);
  return readSessionTrace(argument, sessions, cwd);
}

async function readTraceFile(path: string, argument: string): Promise<ReportSource> {
  const { isTraceDocument } = await import('@strands-cli/telemetry-otel/report');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read ${argument}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        hint: 'Pass a trace JSON written by `strands run SPEC --trace`, or a session id (`strands sessions list`).',
      },
    );
  }
  const parsed = parseOrUndefined(text);
  if (!isTraceDocument(parsed)) {
    throw new UsageError(`${argument} is not a strands trace JSON (no spec_name, pattern and spans)`, {
      hint: 'Write one with `strands run SPEC --trace` (it is <name>-trace.json in the artifacts folder), or pass a session id.',
    });
  }
  return { input: { trace: parsed }, defaultDir: dirname(path) };
}

async function readSessionTrace(
  id: string,
  { store, dir }: { readonly store: SessionStoreV1; readonly dir: string },
  cwd: string,
): Promise<ReportSource> {
  const { isTraceDocument } = await import('@strands-cli/telemetry-otel/report');
  const record = await store.get(id);
  if (!record) {
    throw new SessionError(`No session ${id} in ${dir}`, id, {
      hint: 'Run `strands sessions list` to see the sessions kept, or pass a trace JSON file (`strands run SPEC --trace`).',
    });
  }
  const trace = parseOrUndefined(await store.readAttachment?.(id, sessionTraceName));
  if (!isTraceDocument(trace)) {
    throw new SessionError(`Session ${id} kept no trace to draw a report from`, id, {
      hint: 'Sessions keep their trace since this version; run the spec again, or pass a --trace JSON file.',
    });
  }
  // The graph and inputs/outputs only add to the report: a damaged report.json leaves them out.
  const extra = (parseOrUndefined(await store.readAttachment?.(id, sessionReportDataName)) ?? {}) as {
    graph?: ReportGraph;
    step_io?: Record<string, StepIo>;
  };
  return {
    input: {
      trace,
      ...(extra.graph ? { graph: extra.graph } : {}),
      ...(extra.step_io ? { stepIo: extra.step_io } : {}),
    },
    defaultDir: cwd,
  };
}

/** The JSON value of a text, or undefined when there is none or it does not parse. */
function parseOrUndefined(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
