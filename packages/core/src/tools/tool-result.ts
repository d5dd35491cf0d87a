import type { ToolResultV1 } from '../spec/v1/tool-v1.js';

/** A successful tool result carrying `content` (text or JSON text) back to the model. */
export function toolSuccess(content: string): ToolResultV1 {
  return { content };
}

/** A failed tool call: the model sees `message` and can react; the run goes on. */
export function toolFailure(message: string): ToolResultV1 {
  return { content: message, isError: true };
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
