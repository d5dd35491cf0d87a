/**
 * @strands-cli/core: the spec format, the plugin contracts, the runtime (AgentCache, client pool,
 * agent loop, runWorkflow) and the native tools. Importing it does no work; everything heavy loads on use.
 */

export * from './plugins/index.js';
export * from './record-replay/index.js';
export * from './runtime/index.js';
export * from './secrets/index.js';
export * from './spec/v1/index.js';
export * from './spec-file/index.js';
export * from './templates/index.js';
export * from './tools/index.js';
