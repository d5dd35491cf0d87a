import type { ToolResultV1 } from '@strands-cli/core/spec';

/** One content block of an MCP tool result, as far as this package reads it. */
interface ContentBlock {
  readonly type: string;
  readonly text?: string;
  readonly mimeType?: string;
  readonly data?: string;
  readonly uri?: string;
  readonly resource?: { readonly uri?: string; readonly text?: string; readonly mimeType?: string };
}

/** The parts of an MCP `tools/call` result this package reads. */
export interface McpCallResult {
  readonly content?: readonly ContentBlock[];
  readonly structuredContent?: unknown;
  readonly isError?: boolean;
}

/**
 * The text a model gets for an MCP tool result. Text blocks are kept as they are; structured content is
 * given as JSON when no text carries it; binary blocks (images, audio) become a one-line note, since
 * the models here take text tool results and a base64 blob would only spend tokens.
 */
export function toToolResult(result: McpCallResult): ToolResultV1 {
  const parts: string[] = [];
  for (const block of result.content ?? []) parts.push(describeBlock(block));
  if (parts.length === 0 && result.structuredContent !== undefined) {
    parts.push(JSON.stringify(result.structuredContent));
  }
  const content = parts.join('\n');
  return result.isError === true
    ? { content: content || 'The tool reported an error.', isError: true }
    : { content };
}

function describeBlock(block: ContentBlock): string {
  switch (block.type) {
    case 'text':
      return block.text ?? '';
    case 'image':
    case 'audio':
      return `[${block.type} ${block.mimeType ?? 'of unknown type'}, ${approximateBytes(block.data)} bytes, not shown]`;
    case 'resource':
      return block.resource?.text ?? `[resource ${block.resource?.uri ?? ''}]`;
    case 'resource_link':
      return `[resource link ${block.uri ?? ''}]`;
    default:
      return `[${block.type} content, not shown]`;
  }
}

function approximateBytes(base64: string | undefined): number {
  return base64 === undefined ? 0 : Math.floor((base64.length * 3) / 4);
}
