import type { ExecutorV1 } from '@strands-cli/core/spec';

let bundled: Readonly<Record<string, ExecutorV1<unknown>>> | undefined;

/**
 * Hands the built-in executors to the plugin loader as instances. The bundled CLI entry calls this
 * with the executors compiled into it, so they share the bundle's one copy of the core and zod
 * instead of loading a second one from node_modules.
 */
export function useBundledExecutors(executors: Readonly<Record<string, ExecutorV1<unknown>>>): void {
  bundled = executors;
}

/** The executors given to {@link useBundledExecutors}, if any (only in the bundled CLI). */
export function bundledExecutors(): Readonly<Record<string, ExecutorV1<unknown>>> | undefined {
  return bundled;
}
