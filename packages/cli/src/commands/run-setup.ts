import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginSources } from '@strands-cli/core';
import { RunCancelledError } from '@strands-cli/core/spec';
import { bundledExecutors } from '../bundled-executors.js';
import type { CliIO } from '../io.js';

/** The CLI's own install, where the built-in plugins it depends on are found. */
export const cliPackageDirectory = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where `run` and `doctor` look for plugin packages: next to the spec first (a project's own
 * providers), then the working directory, then the CLI's install (built-in plugins).
 */
export function pluginSearchPath(specFile: string | undefined, cwd: string): PluginSources {
  const directories = specFile ? [dirname(resolve(cwd, specFile)), cwd] : [cwd];
  const searchFrom = [...new Set([...directories, cliPackageDirectory])];
  const executors = bundledExecutors();
  return executors ? { searchFrom, executors } : { searchFrom };
}

/**
 * Turns SIGINT/SIGTERM into an aborted run. The handler is removed after the first signal, so a
 * second Ctrl-C ends the process the default way if something refuses to stop.
 */
export function abortOnInterrupt(io: CliIO, controller: AbortController): () => void {
  if (!io.onInterrupt) return () => undefined;
  let remove: (() => void) | undefined;
  remove = io.onInterrupt((signal) => {
    remove?.();
    remove = undefined;
    controller.abort(new RunCancelledError(`Interrupted by ${signal}`));
  });
  return () => {
    remove?.();
    remove = undefined;
  };
}
