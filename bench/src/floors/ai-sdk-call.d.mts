/** `generateText` options sending what `body` (an OpenAI chat completions request) sent. */
export function toAiSdkCall(
  provider: { chat(model: string): unknown },
  body: unknown,
): Record<string, unknown> & { model: unknown };
