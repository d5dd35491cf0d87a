import { describe, expect, it } from 'vitest';
import { convertToOpenAIRequest, usesMaxCompletionTokens } from './convert-to-openai-request.js';

describe('usesMaxCompletionTokens', () => {
  it.each([
    ['o1', true],
    ['o1-mini', true],
    ['o3-mini', true],
    ['o4-mini-2025-04-16', true],
    ['gpt-5', true],
    ['gpt-5-mini', true],
    ['openai/gpt-5-nano', true],
    ['gpt-4o-mini', false],
    ['gpt-4.1', false],
    ['llama3.1', false],
    ['ollama', false],
  ])('%s → %s', (modelId, expected) => {
    expect(usesMaxCompletionTokens(modelId)).toBe(expected);
  });
});

describe('convertToOpenAIRequest', () => {
  it('sends one tool message per result, in order', () => {
    const body = convertToOpenAIRequest({
      modelId: 'm',
      messages: [
        {
          role: 'tool',
          results: [
            { toolCallId: 'a', toolName: 't', content: '1', isError: false },
            { toolCallId: 'b', toolName: 't', content: 'boom', isError: true },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'tool', tool_call_id: 'a', content: '1' },
      { role: 'tool', tool_call_id: 'b', content: 'boom' },
    ]);
  });

  it('keeps assistant text beside its tool calls', () => {
    const body = convertToOpenAIRequest({
      modelId: 'm',
      messages: [{ role: 'assistant', content: 'checking', toolCalls: [{ id: 'c', name: 't', input: {} }] }],
    });
    expect(body.messages[0]).toMatchObject({ role: 'assistant', content: 'checking' });
  });
});
