import { describe, expect, it } from 'vitest';
import { isSecretKey, luhnValid, Marker, redactPii } from './pii-rules.js';

describe('redactPii', () => {
  it('masks e-mail addresses', () => {
    expect(redactPii('write to jane.doe+x@mail.example.com today')).toBe(`write to ${Marker.email} today`);
  });

  it('masks card numbers that pass the Luhn check only', () => {
    expect(redactPii('card 4111 1111 1111 1111 ok')).toBe(`card ${Marker.card} ok`);
    expect(redactPii('card 4111-1111-1111-1111')).toBe(`card ${Marker.card}`);
    expect(redactPii('order 1234567812345678')).toBe('order 1234567812345678');
  });

  it('masks social security numbers', () => {
    expect(redactPii('ssn 123-45-6789.')).toBe(`ssn ${Marker.ssn}.`);
  });

  it('masks phone numbers', () => {
    expect(redactPii('call (555) 123-4567 or +1 555.987.6543')).toBe(
      `call ${Marker.phone} or ${Marker.phone}`,
    );
  });

  it('masks long tokens and keeps short words', () => {
    const token = 'sk_live_abcdefghijklmnopqrstuvwxyz012345';
    expect(redactPii(`token ${token} short_word`)).toBe(`token ${Marker.token} short_word`);
  });

  it('masks values written under secret-like keys, keeping the key', () => {
    expect(redactPii('{"api_key": "API-KEY-1234567890", "name": "x"}')).toBe(
      `{"api_key": "${Marker.secret}", "name": "x"}`,
    );
    expect(redactPii('password=hunter2 user=bob')).toBe(`password=${Marker.secret} user=bob`);
  });

  it('stays fast on long texts that nearly match', () => {
    const text = `${'a'.repeat(200_000)} ${'1-'.repeat(50_000)} ${'x-'.repeat(50_000)}key`;
    expect(redactPii(text).length).toBeGreaterThan(0);
  });
});

describe('luhnValid and isSecretKey', () => {
  it('checks card digits and secret key names', () => {
    expect(luhnValid('4539 1488 0343 6467')).toBe(true);
    expect(luhnValid('4539 1488 0343 6468')).toBe(false);
    expect(isSecretKey('apiKey')).toBe(true);
    expect(isSecretKey('client_credentials')).toBe(true);
    expect(isSecretKey('query')).toBe(false);
  });
});
