import { describe, expect, it } from 'vitest';
import {
  blockedAddressReason,
  isIpLiteral,
  parseIPv4,
  parseIPv6,
  specialPurposeRangeOf,
} from './address-policy.js';
import {
  type SpecialPurposeRange,
  specialPurposeIPv4,
  specialPurposeIPv6,
} from './special-purpose-ranges.js';

/** The first and last address of a CIDR range, as text. */
function rangeEnds(range: string): [string, string] {
  const [text = '', bitsText = ''] = range.split('/');
  const ipv4 = !text.includes(':');
  const bytes = (ipv4 ? parseIPv4(text) : parseIPv6(text)) ?? [];
  const bits = Number(bitsText);
  const last = bytes.map((byte, index) => {
    const kept = Math.max(0, Math.min(8, bits - index * 8));
    return byte | (0xff >> kept);
  });
  const format = (values: number[]) =>
    ipv4
      ? values.join('.')
      : Array.from({ length: 8 }, (_, group) =>
          (((values[group * 2] ?? 0) << 8) | (values[group * 2 + 1] ?? 0)).toString(16),
        ).join(':');
  return [format(bytes), format(last)];
}

const rows: Array<[string, SpecialPurposeRange]> = [...specialPurposeIPv4, ...specialPurposeIPv6].map(
  (row) => [row.range, row],
);

describe('the special-purpose address table', () => {
  it.each(rows)('%s: both ends of the range fall in it and are refused', (_, row) => {
    const [first, last] = rangeEnds(row.range);
    for (const address of [first, last]) {
      const found = specialPurposeRangeOf(address);
      expect(found, address).toBeDefined();
      // A longer prefix inside this one (metadata inside link-local) may claim an end address.
      expect(found === row || Number(found?.range.split('/')[1]) > Number(row.range.split('/')[1])).toBe(
        true,
      );
      if (row.embedsIPv4) continue;
      expect(blockedAddressReason(address), address).toBe(found?.name);
    }
    expect(row.why.length).toBeGreaterThan(0);
  });

  it.each([
    ['::ffff:0:0/96', '::ffff:10.0.0.1', '::ffff:8.8.8.8'],
    ['64:ff9b::/96', '64:ff9b::127.0.0.1', '64:ff9b::8.8.8.8'],
    ['2002::/16', '2002:c0a8:101::1', '2002:808:808::1'],
  ])('%s is judged by the IPv4 address it carries', (_, refused, allowed) => {
    expect(blockedAddressReason(refused)).toMatch(/private|loopback/);
    expect(blockedAddressReason(allowed)).toBeUndefined();
  });

  it.each([
    ['192.0.2.1', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.200', 'TEST-NET-3'],
    ['192.88.99.1', '6to4 relay'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'discard-only'],
    ['2001::1', 'IETF protocol'],
    ['3fff::1', 'documentation'],
    ['5f00::1', 'segment routing'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
  ])('refuses %s (%s), once allowed', (address, reason) => {
    expect(blockedAddressReason(address)).toContain(reason);
  });

  it.each([
    '192.0.3.1',
    '198.51.101.1',
    '203.0.114.1',
    '192.88.100.1',
    '2001:200::1',
    '2001:db9::1',
    '2003::1',
    '101::1',
  ])('allows %s, just outside a range', (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });
});

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['255.255.255.254', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(blockedAddressReason(address)).toContain(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('allows the public address %s', (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });

  it('treats host names and malformed text as "not an address"', () => {
    expect(blockedAddressReason('example.com')).toBeUndefined();
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('1.2.3.4')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(parseIPv6('1:::2')).toBeUndefined();
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
  });
});
