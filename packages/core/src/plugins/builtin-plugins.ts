// This file imports nothing, so the CLI can list these names in its help without loading the core.

/** Short names a spec may use, and the package that implements each. */
export const builtinExecutorPackages = {
  chain: '@strands-cli/executor-chain',
  workflow: '@strands-cli/executor-workflow',
  parallel: '@strands-cli/executor-parallel',
  routing: '@strands-cli/executor-routing',
  graph: '@strands-cli/executor-graph',
  evaluator_optimizer: '@strands-cli/executor-evaluator-optimizer',
  orchestrator_workers: '@strands-cli/executor-orchestrator-workers',
} as const satisfies Readonly<Record<string, string>>;

/** A built-in pattern type (`pattern.type`). */
export type BuiltinPatternType = keyof typeof builtinExecutorPackages;

/** The built-in pattern types, in the order help and messages list them. */
export const builtinPatternTypes = Object.keys(builtinExecutorPackages) as readonly BuiltinPatternType[];

/** Provider short names (`runtime.provider`) and their packages. */
export const builtinProviderPackages = {
  openai: '@strands-cli/provider-openai',
  ollama: '@strands-cli/provider-ollama',
  bedrock: '@strands-cli/provider-bedrock',
  anthropic: '@strands-cli/provider-anthropic',
  gemini: '@strands-cli/provider-gemini',
} as const satisfies Readonly<Record<string, string>>;

/** A built-in provider name (`runtime.provider`). */
export type BuiltinProvider = keyof typeof builtinProviderPackages;

/** The built-in provider names, in the order help and messages list them. */
export const builtinProviders = Object.keys(builtinProviderPackages) as readonly BuiltinProvider[];

/** Names as a sentence lists them: `a, b or c`. */
export function listInWords(names: readonly string[], conjunction: 'and' | 'or'): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/** Providers strands-cli knows that have no package here yet. */
export const plannedProviders: readonly string[] = ['azure_openai'];

/** An npm package name: lowercase and URL-safe, optionally scoped (`@scope/name`), not starting with `.` or `_`. */
export const npmPackageName = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

/**
 * True when a plugin name (`pattern.type`, `runtime.provider`) names a package to load: any valid npm
 * package name, scoped (`@acme/strands-executor-map`) or not (`strands-executor-map`), that is not a
 * short name of this version (a built-in pattern type, or a built-in or planned provider). Anything else, such as
 * `Chain`, `my pattern` or `../x`, is neither, and is reported as an unknown name.
 */
export function isPackageName(name: string): boolean {
  if (name.length > 214 || !npmPackageName.test(name)) return false;
  return !(
    name in builtinExecutorPackages ||
    name in builtinProviderPackages ||
    plannedProviders.includes(name)
  );
}
