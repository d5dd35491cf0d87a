import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedSpec, loadSpec, type PluginSources } from '@strands-cli/core/loader';
import { bundledExecutors } from '../bundled-executors.js';
import type { CliIO } from '../io.js';

/** This package's own directory: built-in plugins resolve from its node_modules. */
export const cliPackageDirectory = fileURLToPath(new URL('../..', import.meta.url));

/** Where plugins are looked for: the spec's folder, the working directory, then the CLI's install. */
export function pluginSources(specFile: string, io: CliIO): PluginSources {
  const executors = bundledExecutors();
  const searchFrom = [dirname(resolve(io.cwd, specFile)), io.cwd, cliPackageDirectory];
  return executors ? { searchFrom, executors } : { searchFrom };
}

/** The spec path as messages show it: as given, made to work from `io.cwd`. */
export function specPathFor(spec: string, io: CliIO): string {
  if (isAbsolute(spec) || resolve(io.cwd) === process.cwd()) return spec;
  return relative(process.cwd(), resolve(io.cwd, spec)) || spec;
}

/**
 * Loads a spec for a read-only command (validate, plan, explain): required inputs without a value
 * and names left to `--var` are warnings, not errors. Never imports a provider SDK: only the
 * providers' plugin descriptors are loaded.
 */
export function loadForReading(spec: string, vars: readonly string[], io: CliIO): Promise<LoadedSpec> {
  const file = specPathFor(spec, io);
  return loadSpec(file, { vars, plugins: pluginSources(file, io), env: io.env, requireInputs: false });
}
