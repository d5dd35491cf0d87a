/**
 * The result text of a tool call that threw, as the model sees it. One place, so a recorded failure
 * replays as exactly the text a live run would have produced.
 */
export function toolFailureContent(toolName: string, error: unknown): string {
  return `Tool '${toolName}' failed: ${error instanceof Error ? error.message : String(error)}`;
}
