import { NotRegularFileError, openRegularFile } from '../../../fs/regular-file.js';
import { confinePath } from '../confine-path.js';
import type { NativeToolContext } from '../native-tool-context.js';

/** A text file read by a retrieval tool, or why the tool refuses it. */
export type TextLines =
  | {
      readonly ok: true;
      /** The path relative to the working directory, as the model should see it. */
      readonly relativePath: string;
      readonly lines: readonly string[];
      /** True when the file is longer than the scan limit and only its start was read. */
      readonly cut: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** How much of a file's start is checked for NUL bytes, the sign of a binary file. */
const binaryProbeBytes = 8192;

/**
 * Reads a text file inside the working directory for `grep`, `head`, `tail` and `search`: confined
 * like `file_read` (no absolute paths, no `..`, no symbolic link leading out), regular files only,
 * binary files refused, and at most the scan limit read so a huge log cannot exhaust memory.
 */
export async function readTextLines(
  context: NativeToolContext,
  requested: unknown,
  tool: string,
  from: 'start' | 'end' = 'start',
): Promise<TextLines> {
  const confined = await confinePath(context.workingDirectory, requested, 'read');
  if (!confined.ok) return confined;
  let opened: Awaited<ReturnType<typeof openRegularFile>>;
  try {
    opened = await openRegularFile(confined.path);
  } catch (error) {
    if (!(error instanceof NotRegularFileError)) throw error;
    return {
      ok: false,
      message: `${confined.relativePath} is ${error.kind}, not a regular file; ${tool} reads regular text files only`,
    };
  }
  const { handle, stats } = opened;
  try {
    const limit = context.limits.retrievalScanBytes;
    const cut = stats.size > limit;
    const probe = Buffer.alloc(Math.min(stats.size, binaryProbeBytes));
    await handle.read(probe, 0, probe.length, 0);
    if (probe.includes(0)) {
      return {
        ok: false,
        message: `${confined.relativePath} looks like a binary file; ${tool} skips binary files`,
      };
    }
    const buffer = Buffer.alloc(Math.min(stats.size, limit));
    const position = cut && from === 'end' ? stats.size - limit : 0;
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    // A cut leaves a partial line at the cut: drop it rather than show half a line.
    if (cut && from === 'start') text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    if (cut && from === 'end') text = text.slice(text.indexOf('\n') + 1);
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return { ok: true, relativePath: confined.relativePath, lines, cut };
  } finally {
    await handle.close();
  }
}

/** A whole number argument within bounds, its default when absent, or an error message. */
export function wholeNumber(
  value: unknown,
  name: string,
  fallback: number,
  bounds: { min: number; max: number },
): number | string {
  if (value === undefined || value === null) return fallback;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) return `'${name}' must be a whole number`;
  if (number < bounds.min) return `'${name}' must be at least ${bounds.min}`;
  return Math.min(number, bounds.max);
}

/** Cuts `text` to the output limit on a line boundary, with a note saying so. */
export function limitOutput(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const cut = Buffer.from(text, 'utf8')
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const end = cut.lastIndexOf('\n');
  return `${end > 0 ? cut.slice(0, end) : cut}\n[truncated: the output is longer than ${maxBytes} bytes; narrow the request]`;
}

/** The note added when only the start of a file was read. */
export function scanNote(limit: number): string {
  return `\n[note: the file is longer than ${limit} bytes; only its first ${limit} bytes were read]`;
}

/** A line number right-aligned like the other retrieval tools print it. */
export function numbered(lineNumber: number, line: string, marker = ''): string {
  return `${marker}${String(lineNumber).padStart(4)} | ${line}`;
}
