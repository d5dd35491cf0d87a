import { isPackageName } from '../../plugins/builtin-plugins.js';
import { resolvePackageEntry } from '../../plugins/resolve-package.js';
import { closestMatch } from '../issues/did-you-mean.js';

/** A plugin name to report as unknown, with the short name it probably meant. */
export interface UnknownPluginName {
  readonly suggestion: string | undefined;
}

/**
 * Decides whether a plugin name that is not a built-in short name should be reported as an unknown
 * name instead of loaded as a package: it is not a package name at all (see `isPackageName`), or it is
 * an unscoped name close to a short name (`chian`, `opnai`) that no installed package answers to,
 * which is almost surely a typo and deserves "did you mean", not "install chian". `undefined` means:
 * load it as the package `packageName` (a missing one is then reported with its install command).
 */
export function unknownPluginName(
  name: string,
  shortNames: readonly string[],
  packageName: string,
  searchFrom: readonly string[],
): UnknownPluginName | undefined {
  const suggestion = closestMatch(name, shortNames);
  if (!isPackageName(name)) return { suggestion };
  if (suggestion === undefined || name.startsWith('@')) return undefined;
  return resolvePackageEntry(packageName, searchFrom) === undefined ? { suggestion } : undefined;
}
