import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginSources } from '@strands-cli/core/loader';
import type { CliIO } from '../io.js';

/** The CLI's own install, where the built-in plugins it depends on are found. */
export const cliPackageDirectory = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where commands look for plugin packages: next to the spec first (a project's own plugins), then the
 * working directory, then the CLI's install (built-in plugins). The executors compiled into the
 * bundled CLI (`io.executors`) are handed over as instances.
 */
export function pluginSources(specFile: string | undefined, io: CliIO): PluginSources {
  const directories = specFile ? [dirname(resolve(io.cwd, specFile)), io.cwd] : [io.cwd];
  const searchFrom = [...new Set([...directories, cliPackageDirectory])];
  return io.executors ? { searchFrom, executors: io.executors } : { searchFrom };
}
