/**
 * The entry of the bundled CLI (dist/bundle/strands.js, built by scripts/bundle.mjs after tsc). The
 * built-in executors are compiled into the bundle and handed to every command as instances (through
 * the IO the program runs with); providers and third-party plugins are loaded by name. The core is
 * not compiled in: it is loaded by name, so the CLI and every plugin share its one copy.
 */
import type { BuiltinPatternType } from '@strands-cli/core/builtin-plugins';
import chain from '@strands-cli/executor-chain';
import evaluatorOptimizer from '@strands-cli/executor-evaluator-optimizer';
import graph from '@strands-cli/executor-graph';
import orchestratorWorkers from '@strands-cli/executor-orchestrator-workers';
import parallel from '@strands-cli/executor-parallel';
import routing from '@strands-cli/executor-routing';
import workflow from '@strands-cli/executor-workflow';
import { type CliIO, processIO } from './io.js';
import { main as runCli } from './main.js';

// Typed by the core's map of built-in names, so a built-in added there fails to compile until it is here.
const executors = {
  chain,
  workflow,
  parallel,
  routing,
  graph,
  evaluator_optimizer: evaluatorOptimizer,
  orchestrator_workers: orchestratorWorkers,
} satisfies Record<BuiltinPatternType, NonNullable<CliIO['executors']>[string]> as NonNullable<
  CliIO['executors']
>;

/**
 * Runs the `strands` command with the built-in executors of this bundle; resolves to the exit code.
 * `io` replaces parts of the real process (a worker thread passes its TTY facts and forwarded signals).
 */
export function main(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  return runCli(argv, { ...processIO(), ...io, executors });
}
