import { PluginContractError, PluginNotInstalledError } from '../spec/v1/errors.js';
import type { ExecutorV1 } from '../spec/v1/executor-v1.js';
import type { ModelProviderPluginV1 } from '../spec/v1/model-provider-v1.js';
import { builtinExecutorPackages, builtinProviderPackages } from './builtin-plugins.js';
import { resolvePackageEntry } from './resolve-package.js';

/** Where to look for plugin packages, and plugins given directly (programmatic use). */
export interface PluginSources {
  /** Directories to resolve packages from, in order (spec folder, cwd, CLI install). */
  readonly searchFrom: readonly string[];
  /** Executors passed as instances, by `pattern.type`; they win over packages. */
  readonly executors?: Readonly<Record<string, ExecutorV1<unknown>>>;
  /** Providers passed as instances, by `runtime.provider`; they win over packages. */
  readonly providers?: Readonly<Record<string, ModelProviderPluginV1<unknown>>>;
}

const loaded = new Map<string, Promise<unknown>>();

/** The package that implements an executor name (short name or package name). */
export function executorPackageName(name: string): string {
  return (builtinExecutorPackages as Readonly<Record<string, string>>)[name] ?? name;
}

/** The package that implements a provider name (short name or package name). */
export function providerPackageName(name: string): string {
  return (builtinProviderPackages as Readonly<Record<string, string>>)[name] ?? name;
}

/** Loads the executor for a `pattern.type`, lazily and once per process. */
export async function loadExecutor(name: string, sources: PluginSources): Promise<ExecutorV1<unknown>> {
  const given = sources.executors?.[name];
  if (given) return checkExecutor(given, name);
  const packageName = executorPackageName(name);
  const module = await importPlugin('executor', name, packageName, sources.searchFrom);
  return checkExecutor(defaultExport(module), packageName);
}

/** Loads the provider plugin for a `runtime.provider`, lazily and once per process. */
export async function loadProvider(
  name: string,
  sources: PluginSources,
): Promise<ModelProviderPluginV1<unknown>> {
  const given = sources.providers?.[name];
  if (given) return checkProvider(given, name);
  const packageName = providerPackageName(name);
  const module = await importPlugin('model-provider', name, packageName, sources.searchFrom);
  return checkProvider(defaultExport(module), packageName);
}

async function importPlugin(
  kind: 'executor' | 'model-provider',
  name: string,
  packageName: string,
  searchFrom: readonly string[],
): Promise<unknown> {
  const entry = resolvePackageEntry(packageName, searchFrom);
  if (!entry) throw new PluginNotInstalledError(kind, name, packageName);
  let pending = loaded.get(entry);
  if (!pending) {
    pending = import(entry);
    loaded.set(entry, pending);
  }
  try {
    return await pending;
  } catch (error) {
    loaded.delete(entry);
    throw new PluginContractError(packageName, `it failed to load (${(error as Error).message})`);
  }
}

function defaultExport(module: unknown): unknown {
  let value = (module as { default?: unknown }).default ?? module;
  // One extra level for CommonJS interop.
  if (value && typeof value === 'object' && 'default' in value && !('kind' in value)) {
    value = (value as { default: unknown }).default;
  }
  return value;
}

function checkExecutor(value: unknown, packageName: string): ExecutorV1<unknown> {
  const candidate = value as Partial<ExecutorV1<unknown>> | undefined;
  if (candidate?.kind !== 'executor')
    throw new PluginContractError(packageName, 'its default export is not an executor');
  if (candidate.specificationVersion !== 'v1') {
    throw new PluginContractError(
      packageName,
      `it implements contract ${String(candidate.specificationVersion)}, this version supports v1`,
    );
  }
  if (
    typeof candidate.run !== 'function' ||
    typeof candidate.analyze !== 'function' ||
    !candidate.configSchema
  ) {
    throw new PluginContractError(packageName, 'it lacks run(), analyze() or configSchema');
  }
  return candidate as ExecutorV1<unknown>;
}

function checkProvider(value: unknown, packageName: string): ModelProviderPluginV1<unknown> {
  const candidate = value as Partial<ModelProviderPluginV1<unknown>> | undefined;
  if (candidate?.kind !== 'model-provider') {
    throw new PluginContractError(packageName, 'its default export is not a model provider');
  }
  if (candidate.specificationVersion !== 'v1') {
    throw new PluginContractError(
      packageName,
      `it implements contract ${String(candidate.specificationVersion)}, this version supports v1`,
    );
  }
  if (typeof candidate.create !== 'function' || typeof candidate.resolveSettings !== 'function') {
    throw new PluginContractError(packageName, 'it lacks create() or resolveSettings()');
  }
  return candidate as ModelProviderPluginV1<unknown>;
}
