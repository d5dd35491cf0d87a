import { describe, expect, it } from 'vitest';
import { clarification, EVALUATION_INSTRUCTION, parseEvaluation } from './evaluator-optimizer-evaluation.js';

describe('parseEvaluation', () => {
  it('reads a bare object, a fenced block and an object inside prose', () => {
    expect(parseEvaluation('{"score": 80, "issues": ["thin"], "fixes": ["add"]}')).toEqual({
      ok: true,
      evaluation: { score: 80, issues: ['thin'], fixes: ['add'], feedback: '' },
    });
    expect(parseEvaluation('Here:\n```json\n{"score": 91}\n```')).toMatchObject({
      ok: true,
      evaluation: { score: 91, issues: [], fixes: [] },
    });
    expect(parseEvaluation('I think {"score": "70", "issues": "too long"} overall.')).toMatchObject({
      ok: true,
      evaluation: { score: 70, issues: ['too long'] },
    });
  });

  it('refuses a score outside 0-100 or not an integer, saying why', () => {
    expect(parseEvaluation('{"score": 150}')).toEqual({
      ok: false,
      problem: 'the score 150 is not an integer from 0 to 100',
    });
    expect(parseEvaluation('{"score": 7.5}')).toMatchObject({ ok: false });
    expect(parseEvaluation('{"score": 80, "issues": 3}')).toEqual({
      ok: false,
      problem: '"issues" is not a list of strings',
    });
    expect(parseEvaluation('looks good to me')).toEqual({
      ok: false,
      problem: 'no JSON object with a "score" was found',
    });
  });

  it('names the expected fields in the instruction and the clarification', () => {
    expect(EVALUATION_INSTRUCTION).toContain('"score": <integer 0-100>, "issues"');
    expect(clarification('bad score')).toMatch(/bad score.*"fixes"/);
  });
});
