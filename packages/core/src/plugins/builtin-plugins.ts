/** Short names a spec may use, and the package that implements each. */
export const builtinExecutorPackages: Readonly<Record<string, string>> = {
  chain: '@strands-cli/executor-chain',
  workflow: '@strands-cli/executor-workflow',
  parallel: '@strands-cli/executor-parallel',
  routing: '@strands-cli/executor-routing',
};

/** Provider short names (`runtime.provider`) and their packages. */
export const builtinProviderPackages: Readonly<Record<string, string>> = {
  openai: '@strands-cli/provider-openai',
  ollama: '@strands-cli/provider-ollama',
  bedrock: '@strands-cli/provider-bedrock',
};

/**
 * Pattern types strands-cli 0.5 accepts that no executor implements yet. Their config schemas live in
 * the core so that specs validate; the capability check reports them.
 */
export const plannedPatternTypes: readonly string[] = [
  'graph',
  'evaluator_optimizer',
  'orchestrator_workers',
];

/** Providers strands-cli knows that have no package here yet. */
export const plannedProviders: readonly string[] = ['anthropic', 'gemini', 'azure_openai'];

/** True when a plugin name is a package name rather than a short name. */
export function isPackageName(name: string): boolean {
  return name.startsWith('@') || name.includes('/') || name.startsWith('.');
}
