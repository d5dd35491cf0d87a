import { randomBytes } from 'node:crypto';
import { chmod, constants, copyFile, link, rename, rm, stat, writeFile } from 'node:fs/promises';

/** How {@link publishFile} treats a file already at the target path. */
export type PublishMode = 'replace' | 'exclusive';

/** Thrown (as a Node error with code EEXIST) when an exclusive publish finds the target taken. */
export function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}

/**
 * Writes `content` to `path` so that readers only ever see the old file or the complete new one: it
 * goes to a temporary file beside the target first.
 *
 * - `replace`: the temporary file takes the existing file's permission bits before the rename, so
 *   rewriting a 0600 file never leaves a 0644 one (a new file follows the umask). The rename gives
 *   the path a new inode, so other hard links to the old file keep the old content: an atomic
 *   replace cannot update them.
 * - `exclusive`: published with a hard link, which fails with EEXIST when the target exists, so two
 *   processes writing the same path at once cannot overwrite each other: one wins, the other gets
 *   EEXIST and nothing is replaced. On a filesystem without hard links, an exclusive copy
 *   (COPYFILE_EXCL) gives the same guarantee.
 *
 * The temporary file is always removed.
 */
export async function publishFile(path: string, content: string, mode: PublishMode): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    if (mode === 'replace') {
      const existing = await stat(path).catch(() => undefined);
      if (existing?.isFile()) await chmod(temporary, existing.mode & 0o7777);
      await rename(temporary, path);
      return;
    }
    try {
      await link(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
      await copyFile(temporary, path, constants.COPYFILE_EXCL);
    }
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
