export * from './builtin-plugins.js';
export type { PluginSources } from './load-plugin.js';
export { executorPackageName, loadExecutor, loadProvider, providerPackageName } from './load-plugin.js';
export {
  loadProviderFacts,
  type ProviderFacts,
  providerFactsFromManifest,
  providerFactsOf,
  providerManifestKey,
} from './provider-manifest.js';
export { findInstalledPackage, type InstalledPackage, resolvePackageEntry } from './resolve-package.js';
