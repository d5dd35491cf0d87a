// The AI SDK's `generateText` options for a recorded OpenAI chat request: same model, messages and settings.

/** `generateText` options sending what `body` (an OpenAI chat completions request) sent. */
export function toAiSdkCall(provider, body) {
  const system = body.messages.find((message) => message.role === 'system');
  const tokens = body.max_completion_tokens ?? body.max_tokens;
  return {
    model: provider.chat(body.model),
    ...(system ? { system: system.content } : {}),
    messages: body.messages
      .filter((message) => message.role !== 'system')
      .map((message) => ({ role: message.role, content: message.content })),
    maxRetries: 0,
    ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
    ...(tokens === undefined ? {} : { maxOutputTokens: tokens }),
    ...(body.top_p === undefined ? {} : { topP: body.top_p }),
  };
}
