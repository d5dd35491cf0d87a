import { collectSecretValues, createRedactor, type WorkflowSpec } from '@strands-cli/core';
import type { CliIO } from '../io.js';

/** A {@link CliIO} whose output has every known secret replaced with `[REDACTED]`. */
export interface RedactingIO {
  readonly io: CliIO;
  /** Adds the secrets a loaded spec declares (`env.secrets`, credential headers of HTTP executors). */
  useSpec(spec: Readonly<WorkflowSpec>): void;
}

const noSpec = {} as WorkflowSpec;

/**
 * The last line of defence for `strands run`: whatever it writes (progress, logs, the result, the
 * `--json` document, error reports) passes through a redactor that knows the credential-named
 * environment variables (API keys, tokens, passwords) from the start, and the spec's secrets once
 * it is loaded. The runtime redacts its events and errors itself; this also covers what reaches the
 * terminal by any other way (a plugin's error text, an internal error's stack).
 */
export function redactingIO(io: CliIO): RedactingIO {
  let redact = createRedactor(collectSecretValues(noSpec, io.env));
  const wrap = (stream: CliIO['stdout']): CliIO['stdout'] => ({
    write: (text: string) => stream.write(redact(text)),
    get isTTY() {
      return stream.isTTY;
    },
  });
  return {
    io: { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) },
    useSpec(spec) {
      redact = createRedactor(collectSecretValues(spec, io.env));
    },
  };
}
