import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publishFile } from '../../files/publish-file.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../tool-result.js';
import { confinePath } from './confine-path.js';
import type { NativeToolContext } from './native-tool-context.js';

/** What `file_write` says while the user has not opted in. */
export const fileWriteOptIn =
  'file_write is disabled: writing files needs an explicit opt-in. Run strands run with --allow-file-write to let agents write inside the working directory.';

/**
 * `file_write`: writes a text file inside the working directory, atomically (a temporary file in the
 * same directory, then a rename; a replaced file keeps its permission bits), creating parent directories. Refuses unless `--allow-file-write`.
 */
export function createFileWriteTool(context: NativeToolContext): ToolV1 {
  const limit = context.limits.fileWriteBytes;
  return {
    name: 'file_write',
    description: `Write a UTF-8 text file inside the working directory, replacing it if it exists. 'path' is relative to that directory (no absolute paths, no '..'); at most ${limit} bytes. Needs --allow-file-write.`,
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the working directory' },
        content: { type: 'string', description: 'The complete new content of the file' },
      },
      required: ['path', 'content'],
    },
    async call(input) {
      if (!context.allowFileWrite) return toolFailure(fileWriteOptIn);
      if (typeof input.content !== 'string')
        return toolFailure("Missing required 'content' parameter (a string)");
      const size = Buffer.byteLength(input.content, 'utf8');
      if (size > limit)
        return toolFailure(`The content is ${size} bytes; file_write writes at most ${limit} bytes`);
      try {
        const confined = await confinePath(context.workingDirectory, input.path, 'write');
        if (!confined.ok) return toolFailure(confined.message);
        await mkdir(dirname(confined.path), { recursive: true });
        // Keeps a replaced file's permission bits: an agent rewriting a 0600 file must not widen it.
        await publishFile(confined.path, input.content, 'replace');
        return toolSuccess(`Wrote ${size} bytes to ${confined.relativePath}`);
      } catch (error) {
        return toolFailure(context.redact(`file_write failed: ${messageOf(error)}`));
      }
    },
  };
}
