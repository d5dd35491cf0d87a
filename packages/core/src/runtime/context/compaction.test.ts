import { describe, expect, it } from 'vitest';
import type { ModelMessageV1 } from '../../spec/v1/model-provider-v1.js';
import { compactionSettings, summarizeCount, summaryMessage, summaryRequestText } from './compaction.js';

/** The input, then `pairs` tool call/result pairs. */
function conversation(pairs: number): ModelMessageV1[] {
  const messages: ModelMessageV1[] = [{ role: 'user', content: 'task' }];
  for (let index = 0; index < pairs; index += 1) {
    messages.push({
      role: 'assistant',
      content: '',
      toolCalls: [{ id: `c${index}`, name: 'look', input: { index } }],
    });
    messages.push({
      role: 'tool',
      results: [{ toolCallId: `c${index}`, toolName: 'look', content: `r${index}`, isError: false }],
    });
  }
  return messages;
}

const settings = { whenTokensOver: 1000, summaryRatio: 0.5, preserveRecentMessages: 4 };

describe('compactionSettings', () => {
  it('applies strands-cli defaults and leaves disabled compaction out', () => {
    expect(compactionSettings({ compaction: { enabled: true } })).toEqual({
      whenTokensOver: 60_000,
      summaryRatio: 0.35,
      preserveRecentMessages: 12,
    });
    expect(compactionSettings({ compaction: { enabled: false, when_tokens_over: 5000 } })).toBeUndefined();
    expect(compactionSettings(undefined)).toBeUndefined();
    expect(compactionSettings({ compaction: { summarization_model: 'small' } })?.summarizationModel).toBe(
      'small',
    );
  });
});

describe('summarizeCount', () => {
  it('summarises the ratio of messages and keeps the recent ones', () => {
    // 11 messages, half is 5, but 5 is a tool result: the cut moves to the next assistant message.
    expect(summarizeCount(conversation(5), settings)).toBe(5);
    expect(summarizeCount(conversation(5), { ...settings, summaryRatio: 0.3 })).toBe(3);
  });

  it('keeps at least preserve_recent_messages: a larger ratio gives way', () => {
    expect(
      summarizeCount(conversation(5), { ...settings, summaryRatio: 0.9, preserveRecentMessages: 4 }),
    ).toBe(7);
    expect(summarizeCount(conversation(5), { ...settings, summaryRatio: 0.05 })).toBe(1);
  });

  it('reduces preserve_recent_messages when the conversation is shorter than it', () => {
    expect(summarizeCount(conversation(2), { ...settings, preserveRecentMessages: 15 })).toBe(3);
  });

  it('never summarises the last tool call with its results, nor a conversation too short for it', () => {
    expect(summarizeCount(conversation(0), settings)).toBe(0);
    expect(summarizeCount(conversation(1), settings)).toBe(1);
    const cut = summarizeCount(conversation(3), { ...settings, summaryRatio: 1, preserveRecentMessages: 1 });
    expect(cut).toBe(5);
    expect(conversation(3)[cut]?.role).toBe('assistant');
  });
});

describe('summary messages', () => {
  it('turns messages into a transcript and the summary into a user message', () => {
    const text = summaryRequestText(conversation(1));
    expect(text).toContain('User: task');
    expect(text).toContain('Assistant: [calls look {"index":0}]');
    expect(text).toContain('Tool results: [look] r0');
    expect(summaryMessage(' short ')).toEqual({
      role: 'user',
      content: 'Summary of the earlier conversation:\n\nshort',
    });
  });
});
