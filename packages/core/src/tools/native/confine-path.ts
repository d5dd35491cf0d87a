import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** A path inside the working directory, or why the tool refuses it. */
export type ConfinedPath =
  | { readonly ok: true; readonly path: string; readonly relativePath: string }
  | { readonly ok: false; readonly message: string };

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Rejects paths that could name something outside the root before touching the file system. */
function lexicalProblem(requested: unknown): string | undefined {
  if (typeof requested !== 'string' || requested.trim() === '') return "Missing required 'path' parameter";
  if (requested.includes('\0')) return 'The path contains a NUL character';
  if (isAbsolute(requested) || /^[a-zA-Z]:/.test(requested) || /^[\\/]/.test(requested)) {
    return `Absolute paths are not allowed (${requested}); give a path relative to the working directory`;
  }
  if (requested.split(/[\\/]+/).includes('..')) {
    return `'..' is not allowed in paths (${requested}); file tools stay inside the working directory`;
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Resolves `requested` inside `root`, refusing absolute paths, `..` and symbolic links that lead out
 * of it (checked on real paths). For `read` the file must exist; for `write` the nearest existing
 * ancestor must be inside the root, and an existing target must not be a symbolic link.
 */
export async function confinePath(
  root: string,
  requested: unknown,
  mode: 'read' | 'write',
): Promise<ConfinedPath> {
  const problem = lexicalProblem(requested);
  if (problem !== undefined) return { ok: false, message: problem };
  const realRoot = await realpath(root);
  const candidate = join(realRoot, requested as string);
  const relativePath = relative(realRoot, candidate) || '.';
  const outside = {
    ok: false,
    message: `${relativePath} leads outside the working directory (through a symbolic link)`,
  } as const;
  if (mode === 'read') {
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return { ok: false, message: `File not found: ${relativePath}` };
    }
    return inside(realRoot, real) ? { ok: true, path: real, relativePath } : outside;
  }
  let ancestor = dirname(candidate);
  while (!(await exists(ancestor))) ancestor = dirname(ancestor);
  const realAncestor = await realpath(ancestor).catch(() => undefined);
  if (realAncestor === undefined || !inside(realRoot, realAncestor)) return outside;
  const target = await lstat(candidate).catch(() => undefined);
  if (target?.isSymbolicLink()) {
    return {
      ok: false,
      message: `${relativePath} is a symbolic link; file_write does not write through links`,
    };
  }
  if (target?.isDirectory()) return { ok: false, message: `${relativePath} is a directory` };
  return { ok: true, path: candidate, relativePath };
}
