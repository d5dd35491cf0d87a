import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '@strands-cli/core/errors';

/** Where atomic agents live unless a folder is given: strands-cli's convention. */
export const defaultAtomicDirectory = 'agents/atomic';

/** One atomic agent found on disk: `<folder>/<name>/<name>.yaml`. */
export interface AtomicLocation {
  readonly name: string;
  readonly file: string;
  readonly directory: string;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/** Every `<name>/<name>.yaml` (or `.yml`) under `root`, sorted by name. */
export async function findAtomicSpecs(root: string): Promise<AtomicLocation[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: AtomicLocation[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const directory = join(root, entry.name);
    for (const extension of ['yaml', 'yml']) {
      const file = join(directory, `${entry.name}.${extension}`);
      if (await isFile(file)) {
        found.push({ name: entry.name, file, directory });
        break;
      }
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The spec file a command argument names: a spec file, a folder holding `<folder>.yaml`, or the name
 * of an agent under `agents/atomic/` of the working directory.
 * @throws UsageError when none of these exists.
 */
export async function locateAtomic(target: string, cwd: string): Promise<AtomicLocation> {
  const path = resolve(cwd, target);
  if (await isFile(path))
    return { name: basename(path).replace(/\.ya?ml$/, ''), file: path, directory: resolve(path, '..') };
  for (const directory of [path, resolve(cwd, defaultAtomicDirectory, target)]) {
    const name = basename(directory);
    for (const extension of ['yaml', 'yml']) {
      const file = join(directory, `${name}.${extension}`);
      if (await isFile(file)) return { name, file, directory };
    }
  }
  throw new UsageError(`No atomic agent '${target}'`, {
    hint: `Give a spec file, a folder holding <name>.yaml, or a name under ./${defaultAtomicDirectory}/ (see strands atomic list).`,
  });
}
