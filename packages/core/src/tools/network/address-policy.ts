/**
 * Which IP addresses an HTTP tool may not reach without the private-network opt-in: loopback,
 * private, link-local, cloud metadata, carrier-grade NAT, multicast, reserved and unspecified
 * addresses, including IPv4 addresses embedded in IPv6 forms (mapped, compatible, NAT64, 6to4, Teredo).
 */

/** Why an IP address is refused without the opt-in, or undefined when it may be reached. */
export type AddressPolicy = (address: string) => string | undefined;

type Rule = readonly [prefix: readonly number[], bits: number, reason: string];

const ipv4Rules: readonly Rule[] = [
  [[169, 254, 169, 254], 32, 'a cloud metadata address'],
  [[0, 0, 0, 0], 8, 'an unspecified ("this network") address'],
  [[10, 0, 0, 0], 8, 'a private address'],
  [[100, 64, 0, 0], 10, 'a carrier-grade NAT (shared) address'],
  [[127, 0, 0, 0], 8, 'a loopback address'],
  [[169, 254, 0, 0], 16, 'a link-local address'],
  [[172, 16, 0, 0], 12, 'a private address'],
  [[192, 0, 0, 0], 24, 'a reserved address'],
  [[192, 168, 0, 0], 16, 'a private address'],
  [[198, 18, 0, 0], 15, 'a reserved (benchmarking) address'],
  [[224, 0, 0, 0], 4, 'a multicast address'],
  [[240, 0, 0, 0], 4, 'a reserved address'],
];

const ipv6Rules: readonly Rule[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'a cloud metadata address'],
  [new Array(16).fill(0), 128, 'an unspecified address'],
  [[...new Array(15).fill(0), 1], 128, 'a loopback address'],
  [[0xfc], 7, 'a private (unique local) address'],
  [[0xfe, 0x80], 10, 'a link-local address'],
  [[0xfe, 0xc0], 10, 'a private (site-local) address'],
  [[0xff], 8, 'a multicast address'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'a private (local NAT64) address'],
];

function matches(bytes: readonly number[], [prefix, bits]: Rule): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const remaining = Math.min(8, bits - bit);
    const mask = (0xff << (8 - remaining)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parses dotted-decimal IPv4 (`127.0.0.1`) into 4 bytes, or undefined. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return bytes.every((byte) => byte >= 0 && byte <= 255) ? bytes : undefined;
}

/** Parses an IPv6 address (with `::`, an embedded IPv4 tail or a `%zone`) into 16 bytes, or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  let rest = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const tail: number[] = [];
  const lastColon = rest.lastIndexOf(':');
  if (rest.includes('.', lastColon)) {
    const ipv4 = parseIPv4(rest.slice(lastColon + 1));
    if (ipv4 === undefined) return undefined;
    tail.push(...ipv4);
    rest = `${rest.slice(0, lastColon + 1)}0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = toGroups(halves[0]);
  const end = toGroups(halves[1]);
  const missing = 8 - head.length - end.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...end];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    const value = Number.parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address an IPv6 address carries (mapped, translated, compatible, NAT64, 6to4, Teredo). */
function embeddedIPv4(bytes: readonly number[]): number[] | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const last4 = bytes.slice(12, 16);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return last4; // ::ffff:a.b.c.d
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return last4; // ::ffff:0:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 15)) return last4; // ::a.b.c.d (deprecated "compatible")
  if (matches(bytes, [[0x00, 0x64, 0xff, 0x9b], 96, ''])) return last4; // NAT64 64:ff9b::/96
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6); // 6to4 2002::/16
  if (matches(bytes, [[0x20, 0x01, 0x00, 0x00], 32, ''])) return last4.map((byte) => byte ^ 0xff); // Teredo
  return undefined;
}

/**
 * Why `address` (an IP literal) must not be reached without the opt-in, e.g. `a loopback address`;
 * undefined when it is a public address. Text that is not an IP address returns undefined.
 */
export function blockedAddressReason(address: string): string | undefined {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== undefined) return ipv4Rules.find((rule) => matches(ipv4, rule))?.[2];
  const ipv6 = parseIPv6(address);
  if (ipv6 === undefined) return undefined;
  const own = ipv6Rules.find((rule) => matches(ipv6, rule))?.[2];
  if (own !== undefined) return own;
  const embedded = embeddedIPv4(ipv6);
  return embedded === undefined ? undefined : ipv4Rules.find((rule) => matches(embedded, rule))?.[2];
}

/** True when `text` is an IPv4 or IPv6 literal (brackets allowed). */
export function isIpLiteral(text: string): boolean {
  return parseIPv4(text) !== undefined || (text.includes(':') && parseIPv6(text) !== undefined);
}
