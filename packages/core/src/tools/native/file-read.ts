import { NotRegularFileError, openRegularFile } from '../../fs/regular-file.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { truncationNote } from '../network/read-limited-body.js';
import { messageOf, toolFailure, toolSuccess } from '../tool-result.js';
import { confinePath } from './confine-path.js';
import type { NativeToolContext } from './native-tool-context.js';

/** `file_read`: reads a text file inside the working directory, up to the size limit. */
export function createFileReadTool(context: NativeToolContext): ToolV1 {
  const limit = context.limits.fileReadBytes;
  return {
    name: 'file_read',
    description: `Read a UTF-8 text file inside the working directory. 'path' is relative to that directory (no absolute paths, no '..'). Files longer than ${limit} bytes are cut with a note.`,
    inputSchema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'File path relative to the working directory' } },
      required: ['path'],
    },
    async call(input) {
      try {
        const confined = await confinePath(context.workingDirectory, input.path, 'read');
        if (!confined.ok) return toolFailure(confined.message);
        let opened: Awaited<ReturnType<typeof openRegularFile>>;
        try {
          opened = await openRegularFile(confined.path);
        } catch (error) {
          if (!(error instanceof NotRegularFileError)) throw error;
          return toolFailure(
            `${confined.relativePath} is ${error.kind}, not a regular file; file_read reads regular text files only`,
          );
        }
        const { handle, stats } = opened;
        try {
          const buffer = Buffer.alloc(Math.min(stats.size, limit));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
          const content = buffer.subarray(0, bytesRead);
          if (content.subarray(0, 8000).includes(0)) {
            return toolFailure(
              `${confined.relativePath} looks like a binary file; file_read reads text files`,
            );
          }
          const truncated = stats.size > limit;
          const text = content.toString('utf8');
          return toolSuccess(
            context.redact(truncated ? text.replace(/\uFFFD$/, '') + truncationNote(limit) : text),
          );
        } finally {
          await handle.close();
        }
      } catch (error) {
        return toolFailure(context.redact(`file_read failed: ${messageOf(error)}`));
      }
    },
  };
}
