import { describe, expect, it } from 'vitest';
import { parseSpecText } from './read-spec-source.js';

const text = [
  'agents:',
  '  writer:',
  '    prompt: "Write {{ x }}"',
  'steps:',
  '  - input: |',
  '      line one',
  '      has {{ bad }} here',
  '  - input: plain {{ y }}',
].join('\n');

describe('source map', () => {
  const { sourceMap } = parseSpecText(text, 'yaml', 'spec.yaml');

  it('locates keys and list items by JSON pointer', () => {
    expect(sourceMap.locate('/agents/writer')).toEqual({
      file: 'spec.yaml',
      pointer: '/agents/writer',
      line: 2,
      column: 3,
    });
    expect(sourceMap.locate('/steps/1')).toMatchObject({ line: 8, column: 5 });
  });

  it('falls back to the deepest existing parent', () => {
    expect(sourceMap.locate('/agents/writer/tools/0')).toMatchObject({ line: 2, column: 3 });
    expect(sourceMap.locate('/agents/missing')).toMatchObject({ line: 1, column: 1 });
  });

  it('maps a line and column inside a block scalar to the file', () => {
    expect(sourceMap.locateInValue('/steps/0/input', 2, 5)).toMatchObject({ line: 7, column: 11 });
  });

  it('maps a column inside a quoted or plain one-line string', () => {
    expect(sourceMap.locateInValue('/agents/writer/prompt', 1, 7)).toMatchObject({ line: 3, column: 20 });
    expect(sourceMap.locateInValue('/steps/1/input', 1, 7)).toMatchObject({ line: 8, column: 18 });
  });
});
