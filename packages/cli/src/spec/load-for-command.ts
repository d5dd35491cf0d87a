import { isAbsolute, relative, resolve } from 'node:path';
import { type LoadedSpec, loadSpec } from '@strands-cli/core/loader';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';

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
