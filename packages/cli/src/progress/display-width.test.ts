import { describe, expect, it } from 'vitest';
import { displayWidth, truncateToWidth } from './display-width.js';

describe('display width', () => {
  it('counts wide CJK characters as two columns and escapes as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('海藻')).toBe(4);
    expect(displayWidth('\u001b[2mab\u001b[22m')).toBe(2);
  });

  it('leaves text that fits unchanged', () => {
    expect(truncateToWidth('hello', 5)).toEqual({ text: 'hello', width: 5 });
  });

  it('cuts text with an ellipsis so that it fits', () => {
    expect(truncateToWidth('hello world', 6)).toEqual({ text: 'hello…', width: 6 });
  });

  it('never splits a wide character across the limit', () => {
    // Two columns for each of 海, 藻: after 海 (2) there is no room for 藻 (2) plus the ellipsis.
    expect(truncateToWidth('海藻の森', 4)).toEqual({ text: '海…', width: 3 });
  });

  it('keeps escape sequences whole and resets the style after a cut', () => {
    const cut = truncateToWidth('\u001b[33mwarning text\u001b[39m', 5);
    expect(cut).toEqual({ text: '\u001b[33mwarn…\u001b[0m', width: 5 });
  });
});
