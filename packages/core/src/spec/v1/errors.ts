/**
 * The error hierarchy every package shares (the `@strands-cli/core/errors` entry). Each error carries
 * an exit code, data and a fix hint, and is recognised across duplicate installs by its static
 * `isInstance` (not `instanceof`, and never by `error.name`).
 */

export * from './run-errors.js';
export * from './session-errors.js';
export * from './spec-errors.js';
export * from './strands-error.js';
