/**
 * The v1 plugin contract, the bottom layer of the core: what executor and model-provider packages
 * implement and throw. It holds the plugin interfaces, the define helpers, the spec document's types
 * and the step schemas executor configs embed, and the error hierarchy with its exit codes. It imports
 * nothing from the rest of the core (only zod), so a plugin that imports it pulls in nothing else.
 * Helpers plugins share live beside it: `@strands-cli/core/provider-utils` and
 * `@strands-cli/core/executor-utils`.
 */

export * from './define.js';
export * from './errors.js';
export type * from './executor-v1.js';
export type * from './journal-v1.js';
export * from './model-provider-v1.js';
export * from './request-gate-v1.js';
export type * from './session-v1.js';
export type * from './tool-source-v1.js';
export type * from './tool-v1.js';
export type * from './workflow-spec-v1.js';
