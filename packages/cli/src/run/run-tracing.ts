import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath, type LoadedSpec } from '@strands-cli/core';
import type { RunTelemetry } from '@strands-cli/telemetry-otel';
import type { CliIO } from '../io.js';

/** The tracing of one `strands run`, when the spec or `--trace` asked for it. */
export interface RunTracing {
  readonly telemetry: RunTelemetry;
  /** The trace JSON, as `{{ TRACE }}` and the `--trace` file hold it. */
  json(): string;
  /** Flushes the export (bounded) and writes `<name>-trace.json` under `out` when `--trace` was given. */
  finish(out: string): Promise<void>;
}

/**
 * Starts tracing when the spec has a `telemetry` section or the user passed `--trace`. The package
 * is imported only then, so an untraced run loads none of it (nor OpenTelemetry).
 */
export async function startTracing(
  loaded: LoadedSpec,
  writeTraceFile: boolean,
  io: CliIO,
  quiet: boolean,
): Promise<RunTracing | undefined> {
  const { spec } = loaded;
  if (!spec.telemetry && !writeTraceFile) return undefined;
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
  const json = (): string => `${JSON.stringify(telemetry.document(), null, 2)}\n`;
  return {
    telemetry,
    json,
    async finish(out) {
      await telemetry.shutdown();
      if (!writeTraceFile) return;
      // Written for failed runs too: that is when a trace is read most.
      const path = join(out, `${spec.name}-trace.json`);
      try {
        await mkdir(out, { recursive: true });
        await writeFile(path, json());
        if (!quiet) io.stderr.write(`Trace written to ${displayPath(path, io.cwd)}\n`);
      } catch (error) {
        // The run's own outcome matters more than its trace: a trace that cannot be written only warns.
        io.stderr.write(
          `Warning: could not write ${displayPath(path, io.cwd)}: ${(error as Error).message}\n`,
        );
      }
    },
  };
}
