import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './endpoints.js';

describe('isHttpUrl', () => {
  it('accepts http and https URLs', () => {
    expect(isHttpUrl('http://localhost:11434')).toBe(true);
    expect(isHttpUrl('https://example.test/v1')).toBe(true);
  });

  it('refuses text, other schemes and a scheme without a host', () => {
    expect(isHttpUrl('not a url')).toBe(false);
    expect(isHttpUrl('localhost:11434')).toBe(false);
    expect(isHttpUrl('ftp://example.test')).toBe(false);
    expect(isHttpUrl('http://')).toBe(false);
  });
});
