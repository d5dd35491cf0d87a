import { describe, expect, it } from 'vitest';
import { StderrTail } from './stderr-tail.js';

describe('stderr tail', () => {
  it('keeps only the last characters written', () => {
    const tail = new StderrTail(10);
    tail.push('0123456789');
    tail.push(Buffer.from('abc'));
    expect(tail.text).toBe('3456789abc');
  });

  it('is empty when nothing was written', () => {
    expect(new StderrTail().text).toBe('');
  });
});
