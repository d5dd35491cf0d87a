import { constants, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/**
 * Opening a FIFO for reading blocks until a writer appears (forever, for a spec that names one), and
 * a character device such as /dev/urandom never ends. Files that a spec, a model or a flag can name are
 * therefore opened without blocking and checked to be regular files before anything is read.
 */

/** The path names something other than a regular file (a FIFO, a device, a socket, a directory). */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';
  constructor(
    readonly path: string,
    /** What it is instead, e.g. `a named pipe (FIFO)`. */
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/** The file is larger than the reader accepts. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} is ${size} bytes; the limit is ${limit} bytes`);
  }
}

/** What a non-regular file is, in words. */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * Opens `path` for reading without blocking (O_NONBLOCK: a FIFO with no writer opens at once) and
 * checks, on the open descriptor, that it is a regular file. The caller closes the handle.
 * @throws NotRegularFileError for anything else; the usual fs errors (ENOENT, EACCES) as they are.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(path, fileKind(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes of the regular file `path`, at most `maxBytes` of them.
 * @throws NotRegularFileError, FileTooLargeError, or the fs error.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const { handle, stats } = await openRegularFile(path);
  try {
    if (stats.size > maxBytes) throw new FileTooLargeError(path, stats.size, maxBytes);
    // One byte more than allowed tells a file that grew since fstat from one that did not.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw new FileTooLargeError(path, filled, maxBytes);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
