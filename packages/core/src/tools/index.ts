export type { NativeToolEntry } from './catalog.js';
export { findNativeTool, nativeToolCatalog } from './catalog.js';
export type { ToolLimits } from './native/native-tool-context.js';
export { defaultToolLimits } from './native/native-tool-context.js';
export type { HostResolver } from './network/guarded-lookup.js';
export { privateNetworkAllowed, privateNetworkOptIn } from './network/url-policy.js';
export type { RunTools, RunToolsOptions } from './run-tools.js';
export { createRunTools } from './run-tools.js';
