import { format } from 'node:util';
import {
  collectSecretValues,
  createSecretRedactor,
  type SecretRedactor,
  type WorkflowSpec,
} from '@strands-cli/core';
import type { CliIO } from '../io.js';

/** A {@link CliIO} whose output has every known secret replaced with the secret marker. */
export interface RedactingIO {
  readonly io: CliIO;
  /** Adds the secrets a loaded spec declares (`env.secrets`, credential headers of HTTP executors). */
  useSpec(spec: Readonly<WorkflowSpec>): void;
  /**
   * A deep copy of a document with the known secrets replaced in every string. Use it on what is
   * serialised (the `--json` document): a secret the model wrote JSON-escaped is escaped a second
   * time by `JSON.stringify`, a spelling the text redactor of the streams cannot know.
   */
  redactValue<T>(value: T): T;
}

const noSpec = {} as WorkflowSpec;

/** What a terminal stream may offer beyond `write` and `isTTY`. */
interface TerminalStream {
  readonly columns?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/**
 * The last line of defence for `strands run`: whatever it writes (progress, logs, the result, the
 * `--json` document, error reports) passes through a redactor that knows the credential-named
 * environment variables (API keys, tokens, passwords) from the start, and the spec's secrets once
 * it is loaded. The runtime redacts its events and errors itself; this also covers what reaches the
 * terminal by any other way (a plugin's error text, an internal error's stack).
 */
export function redactingIO(io: CliIO): RedactingIO {
  let redactor: SecretRedactor = createSecretRedactor(collectSecretValues(noSpec, io.env));
  // The terminal's width and resize events pass through: the live display fits its lines to them.
  const wrap = (stream: CliIO['stdout']): CliIO['stdout'] => {
    const terminal = stream as TerminalStream;
    return {
      write: (text: string) => stream.write(redactor.text(text)),
      get isTTY() {
        return stream.isTTY;
      },
      get columns() {
        return terminal.columns;
      },
      on: (event: 'resize', listener: () => void) => terminal.on?.(event, listener),
      off: (event: 'resize', listener: () => void) => terminal.off?.(event, listener),
    } as CliIO['stdout'];
  };
  return {
    io: { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) },
    useSpec(spec) {
      redactor = createSecretRedactor(collectSecretValues(spec, io.env));
    },
    redactValue: (value) => redactor.value(value),
  };
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Sends whatever a vendor library prints with `console.*` during a run to `stderr` (redacted, when
 * given a {@link RedactingIO} stream): stdout carries only the result, and a library's diagnostic
 * (ollama-js prints the lines of a stream it cannot parse) must not bypass the redactor. Returns the
 * function that restores the console.
 */
export function routeConsoleTo(stderr: CliIO['stderr']): () => void {
  const saved = consoleMethods.map((method) => console[method]);
  for (const method of consoleMethods) {
    console[method] = (...args: unknown[]) => {
      stderr.write(`${format(...args)}\n`);
    };
  }
  return () => {
    consoleMethods.forEach((method, index) => {
      console[method] = saved[index] as (typeof console)[typeof method];
    });
  };
}
