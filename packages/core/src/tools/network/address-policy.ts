import {
  type SpecialPurposeRange,
  specialPurposeIPv4,
  specialPurposeIPv6,
} from './special-purpose-ranges.js';

/**
 * Which IP addresses an HTTP tool may not reach without the private-network opt-in: every
 * special-purpose range (the table in special-purpose-ranges.ts), including IPv4 addresses carried
 * inside IPv6 forms (mapped, translated, compatible, NAT64, 6to4).
 */

/** Why an IP address is refused without the opt-in, or undefined when it may be reached. */
export type AddressPolicy = (address: string) => string | undefined;

type CompiledRange = {
  readonly prefix: readonly number[];
  readonly bits: number;
  readonly row: SpecialPurposeRange;
};

function matches(bytes: readonly number[], { prefix, bits }: CompiledRange): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const remaining = Math.min(8, bits - bit);
    const mask = (0xff << (8 - remaining)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parses the table's CIDRs, longest prefix first so a metadata address is named inside link-local. */
function compileAll(
  rows: readonly SpecialPurposeRange[],
  parse: (text: string) => number[] | undefined,
): readonly CompiledRange[] {
  return rows
    .map((row) => {
      const [text = '', bits = ''] = row.range.split('/');
      const prefix = parse(text);
      // A typo in the table must fail every test, not let an address through.
      if (prefix === undefined || !/^\d+$/.test(bits))
        throw new Error(`bad range in the address table: ${row.range}`);
      return { prefix, bits: Number(bits), row };
    })
    .sort((a, b) => b.bits - a.bits);
}

let tables: { readonly ipv4: readonly CompiledRange[]; readonly ipv6: readonly CompiledRange[] } | undefined;

function compiledTables(): NonNullable<typeof tables> {
  tables ??= {
    ipv4: compileAll(specialPurposeIPv4, parseIPv4),
    ipv6: compileAll(specialPurposeIPv6, parseIPv6),
  };
  return tables;
}

/** The table row `address` (an IP literal) falls in, if any; IPv4 carried in IPv6 is not followed. */
export function specialPurposeRangeOf(address: string): SpecialPurposeRange | undefined {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== undefined) return compiledTables().ipv4.find((range) => matches(ipv4, range))?.row;
  const ipv6 = parseIPv6(address);
  return ipv6 === undefined ? undefined : compiledTables().ipv6.find((range) => matches(ipv6, range))?.row;
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

/** The IPv4 address carried by an IPv6 form that no table row covers (SIIT, deprecated "compatible"). */
function untabledIPv4(bytes: readonly number[]): number[] | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const last4 = bytes.slice(12, 16);
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return last4; // ::ffff:0:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 15)) return last4; // ::a.b.c.d
  return undefined;
}

function ipv4Reason(bytes: readonly number[]): string | undefined {
  return compiledTables().ipv4.find((range) => matches(bytes, range))?.row.name;
}

function ipv6Reason(bytes: readonly number[]): string | undefined {
  const found = compiledTables().ipv6.find((range) => matches(bytes, range));
  if (found?.row.embedsIPv4) {
    // 6to4 carries the IPv4 address in bits 16-47; mapped and NAT64 forms in the last 32 bits.
    return ipv4Reason(found.row.range.startsWith('2002:') ? bytes.slice(2, 6) : bytes.slice(12, 16));
  }
  if (found) return found.row.name;
  const carried = untabledIPv4(bytes);
  return carried === undefined ? undefined : ipv4Reason(carried);
}

/**
 * Why `address` (an IP literal) must not be reached without the opt-in, e.g. `a loopback address`;
 * undefined when it is a public address. Text that is not an IP address returns undefined. Meant for
 * every outbound connection a spec can aim: tools now, provider endpoints too.
 */
export function blockedAddressReason(address: string): string | undefined {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== undefined) return ipv4Reason(ipv4);
  const ipv6 = parseIPv6(address);
  return ipv6 === undefined ? undefined : ipv6Reason(ipv6);
}

/** True when `text` is an IPv4 or IPv6 literal (brackets allowed). */
export function isIpLiteral(text: string): boolean {
  return parseIPv4(text) !== undefined || (text.includes(':') && parseIPv6(text) !== undefined);
}
