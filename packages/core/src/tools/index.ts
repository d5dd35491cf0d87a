export type { NativeToolEntry } from './catalog.js';
export { findNativeTool, nativeToolCatalog } from './catalog.js';
export type { RunTools, RunToolsOptions } from './run-tools.js';
export { createRunTools } from './run-tools.js';
