import { describe, expect, it } from 'vitest';
import { isParsedAnswerMember } from './parsed-answer-member.js';

const scope = { steps: [{ response: 'r', json: {} }], tasks: { classify: { response: 'r', json: {} } } };

describe('isParsedAnswerMember', () => {
  it('accepts members of an existing record’s json', () => {
    expect(isParsedAnswerMember('steps[0].json.priority', scope)).toBe(true);
    expect(isParsedAnswerMember('tasks.classify.json.items[0]', scope)).toBe(true);
    expect(isParsedAnswerMember("tasks['classify'].json.x", scope)).toBe(true);
  });

  it('refuses a record that does not exist, and anything that is not under json', () => {
    expect(isParsedAnswerMember('steps[3].json.priority', scope)).toBe(false);
    expect(isParsedAnswerMember('tasks.other.json.x', scope)).toBe(false);
    expect(isParsedAnswerMember('steps[0].jsonish', scope)).toBe(false);
    expect(isParsedAnswerMember('steps[0].response.x', scope)).toBe(false);
  });
});
