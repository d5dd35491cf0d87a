/**
 * The entry of the bundled CLI (dist/bundle/strands.js, built by scripts/bundle.mjs after tsc). The
 * built-in executors are compiled into the bundle and passed to the plugin loader as instances;
 * providers and third-party plugins are still loaded by name from node_modules.
 */
import chain from '@strands-cli/executor-chain';
import parallel from '@strands-cli/executor-parallel';
import routing from '@strands-cli/executor-routing';
import workflow from '@strands-cli/executor-workflow';
import { useBundledExecutors } from './bundled-executors.js';

useBundledExecutors({ chain, workflow, parallel, routing } as Parameters<typeof useBundledExecutors>[0]);

export { main } from './main.js';
