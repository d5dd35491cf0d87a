export * from './builtin-plugins.js';
export type { PluginSources } from './load-plugin.js';
export { executorPackageName, loadExecutor, loadProvider, providerPackageName } from './load-plugin.js';
export { resolvePackageEntry } from './resolve-package.js';
