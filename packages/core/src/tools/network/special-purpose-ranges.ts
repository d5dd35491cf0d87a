/**
 * The address ranges HTTP tools refuse unless the user opts into private networks: every range of the
 * IANA IPv4 and IPv6 Special-Purpose Address Registries, plus cloud metadata addresses. A public
 * service never lives in one of them, so a URL that points there is either a typo, a test address or
 * an attempt to reach something behind the user's firewall.
 */

/** One refused range. */
export interface SpecialPurposeRange {
  /** CIDR notation, e.g. `192.0.2.0/24`. */
  readonly range: string;
  /** What the address is, as the refusal says it ("a loopback address"). */
  readonly name: string;
  /** Why a tool must not reach it. */
  readonly why: string;
  /**
   * The range carries an IPv4 address (mapped, NAT64, 6to4): it is refused when that IPv4 address
   * is, and allowed otherwise.
   */
  readonly embedsIPv4?: true;
}

const localOnly = 'only meaningful on the local host or link, never a public service';
const privateUse = 'private networks: reaching one from an agent crosses the user’s firewall';
const documentation = 'reserved for documentation and examples, never routed on the internet';
const infrastructure = 'protocol or routing infrastructure, not a service an agent should call';
const reserved = 'reserved or not routable on the internet';

/** The refused IPv4 ranges. */
export const specialPurposeIPv4: readonly SpecialPurposeRange[] = [
  { range: '0.0.0.0/8', name: 'an unspecified ("this network") address', why: localOnly },
  { range: '10.0.0.0/8', name: 'a private address', why: privateUse },
  { range: '100.64.0.0/10', name: 'a carrier-grade NAT (shared) address', why: privateUse },
  { range: '127.0.0.0/8', name: 'a loopback address', why: localOnly },
  { range: '169.254.0.0/16', name: 'a link-local address', why: localOnly },
  {
    range: '169.254.169.254/32',
    name: 'a cloud metadata address',
    why: 'cloud instance metadata hands out credentials to whoever asks',
  },
  { range: '172.16.0.0/12', name: 'a private address', why: privateUse },
  { range: '192.0.0.0/24', name: 'a reserved (IETF protocol assignments) address', why: infrastructure },
  { range: '192.0.2.0/24', name: 'a documentation (TEST-NET-1) address', why: documentation },
  { range: '192.31.196.0/24', name: 'a reserved (AS112) address', why: infrastructure },
  { range: '192.52.193.0/24', name: 'a reserved (AMT relay) address', why: infrastructure },
  { range: '192.88.99.0/24', name: 'a reserved (6to4 relay anycast) address', why: infrastructure },
  { range: '192.168.0.0/16', name: 'a private address', why: privateUse },
  { range: '192.175.48.0/24', name: 'a reserved (AS112 direct delegation) address', why: infrastructure },
  { range: '198.18.0.0/15', name: 'a reserved (benchmarking) address', why: reserved },
  { range: '198.51.100.0/24', name: 'a documentation (TEST-NET-2) address', why: documentation },
  { range: '203.0.113.0/24', name: 'a documentation (TEST-NET-3) address', why: documentation },
  { range: '224.0.0.0/4', name: 'a multicast address', why: 'multicast is not a request/response service' },
  { range: '240.0.0.0/4', name: 'a reserved address', why: reserved },
  { range: '255.255.255.255/32', name: 'a limited broadcast address', why: localOnly },
];

/** The refused IPv6 ranges (IPv4 carried inside IPv6 is checked against the IPv4 table). */
export const specialPurposeIPv6: readonly SpecialPurposeRange[] = [
  { range: '::/128', name: 'an unspecified address', why: localOnly },
  { range: '::1/128', name: 'a loopback address', why: localOnly },
  {
    range: '::ffff:0:0/96',
    name: 'an IPv4-mapped address',
    why: 'it reaches the IPv4 address it carries',
    embedsIPv4: true,
  },
  {
    range: '64:ff9b::/96',
    name: 'a NAT64 address',
    why: 'the translator forwards it to the IPv4 address it carries',
    embedsIPv4: true,
  },
  { range: '64:ff9b:1::/48', name: 'a private (local-use NAT64) address', why: privateUse },
  { range: '100::/64', name: 'a discard-only address', why: reserved },
  { range: '100:0:0:1::/64', name: 'a reserved (dummy prefix) address', why: reserved },
  { range: '2001::/23', name: 'a reserved (IETF protocol assignments) address', why: infrastructure },
  { range: '2001:db8::/32', name: 'a documentation address', why: documentation },
  {
    range: '2002::/16',
    name: 'a 6to4 address',
    why: 'the relay forwards it to the IPv4 address it carries',
    embedsIPv4: true,
  },
  { range: '3fff::/20', name: 'a documentation address', why: documentation },
  { range: '5f00::/16', name: 'a reserved (segment routing) address', why: infrastructure },
  { range: 'fc00::/7', name: 'a private (unique local) address', why: privateUse },
  {
    range: 'fd00:ec2::254/128',
    name: 'a cloud metadata address',
    why: 'cloud instance metadata hands out credentials to whoever asks',
  },
  { range: 'fe80::/10', name: 'a link-local address', why: localOnly },
  { range: 'fec0::/10', name: 'a private (site-local) address', why: privateUse },
  { range: 'ff00::/8', name: 'a multicast address', why: 'multicast is not a request/response service' },
];
