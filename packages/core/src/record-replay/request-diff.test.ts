import { describe, expect, it } from 'vitest';
import { diffRequests, formatDifference, stringSimilarity } from './request-diff.js';

describe('request differences', () => {
  it('lists changed, removed and added fields with their paths', () => {
    const differences = diffRequests(
      {
        modelId: 'a',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'user', content: 'y' },
        ],
        tools: [1],
      },
      { modelId: 'b', messages: [{ role: 'user', content: 'x' }], inference: { topP: 1 } },
    );
    expect(differences.map(formatDifference)).toEqual([
      "modelId differs at character 1: recorded 'a' vs now 'b'",
      'messages[1] is only in the recorded request: {"role":"user","content":"y"}',
      'tools is only in the recorded request: [1]',
      'inference is new: {"topP":1}',
    ]);
  });

  it('shows long strings around the first change, escaped and truncated', () => {
    const recorded = `${'intro '.repeat(20)}then the old ending\nwith a second line ${'tail '.repeat(30)}`;
    const now = `${'intro '.repeat(20)}then the new ending\nwith a second line ${'tail '.repeat(30)}`;
    const [difference] = diffRequests({ system: recorded }, { system: now });
    expect(formatDifference(difference!)).toBe(
      "system differs at character 130: recorded '…ntro intro then the old ending\\nwith a second line tail tail …' vs now '…ntro intro then the new ending\\nwith a second line tail tail …'",
    );
  });

  it('shows short strings whole', () => {
    const [difference] = diffRequests(
      { content: 'Write a tip for Kyoto.' },
      { content: 'Write a tip for Oslo.' },
    );
    expect(formatDifference(difference!)).toBe(
      "content differs at character 17: recorded 'Write a tip for Kyoto.' vs now 'Write a tip for Oslo.'",
    );
  });

  it('scores strings that share a prefix and suffix as similar', () => {
    expect(stringSimilarity('abc', 'abc')).toBe(1);
    expect(stringSimilarity('hello world', 'hello there world')).toBeGreaterThan(0.6);
    expect(stringSimilarity('abc', 'xyz')).toBe(0);
  });
});
