import { dirname, resolve } from 'node:path';
import { loadProvider, type PluginSources } from '../plugins/load-plugin.js';
import { RunCancelledError, StrandsError } from '../spec/v1/errors.js';
import type { ModelProviderPluginV1 } from '../spec/v1/model-provider-v1.js';
import type { LoadedSpec } from '../spec-file/loaded-spec.js';
import { loadSpec, prepareSpec } from '../spec-file/prepare-spec.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { abortReason } from './clock.js';
import { effectiveProviderName } from './effective-settings.js';
import type { RunWorkflowOptions } from './run-types.js';

/** The steps of `runWorkflow` before and around the run: loading, plugins, signals, failures. */

/** Loads `source` unless it is already a LoadedSpec (a path is resolved against `cwd`). */
export async function toLoadedSpec(
  source: string | LoadedSpec | WorkflowSpec,
  options: RunWorkflowOptions,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LoadedSpec> {
  if (typeof source === 'object' && 'analysis' in source && 'locate' in source) return source;
  const plugins: PluginSources = {
    searchFrom: [cwd, ...(options.searchFrom ?? [])],
    executors: options.executors,
    providers: options.providers,
  };
  if (typeof source === 'string') {
    const file = resolve(cwd, source);
    return loadSpec(file, {
      vars: options.vars,
      env,
      plugins: { ...plugins, searchFrom: [dirname(file), ...plugins.searchFrom] },
    });
  }
  return prepareSpec(source, { vars: options.vars, env, plugins });
}

/** Where the run resolves plugin packages: the spec's folder, `cwd`, then the caller's directories. */
export function pluginSources(loaded: LoadedSpec, options: RunWorkflowOptions, cwd: string): PluginSources {
  return {
    searchFrom: [loaded.baseDirectory, cwd, ...(options.searchFrom ?? [])],
    executors: options.executors,
    providers: options.providers,
  };
}

/** Loads the provider plugin of every agent, once each, before anything runs. */
export async function loadProviders(
  spec: Readonly<WorkflowSpec>,
  sources: PluginSources,
): Promise<Map<string, ModelProviderPluginV1<unknown>>> {
  const names = new Set(
    Object.values(spec.agents).map((agent) => effectiveProviderName(spec.runtime, agent)),
  );
  const entries = await Promise.all(
    [...names].map(async (name) => [name, await loadProvider(name, sources)] as const),
  );
  return new Map(entries);
}

/** Forwards the caller's abort to the run; returns the function that unlinks it. */
export function linkSignal(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => undefined;
  const forward = (): void => {
    const reason: unknown = signal.reason;
    controller.abort(StrandsError.isInstance(reason) ? reason : new RunCancelledError());
  };
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return () => signal.removeEventListener('abort', forward);
}

/** When the run was stopped (cancellation, budget), that reason wins over a wrapped or secondary error. */
export function runFailure(error: unknown, signal: AbortSignal): unknown {
  if (!signal.aborted) return error;
  const reason = abortReason(signal);
  if (!StrandsError.isInstance(reason)) return error;
  if (StrandsError.isInstance(error) && error.exitCode === reason.exitCode) return error;
  return reason;
}
