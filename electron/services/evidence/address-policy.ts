/**
 * Which network addresses an evidence fetch may connect to: public unicast only, unless the
 * reviewer allows private addresses. Keeps a web page from using Factmark to reach the
 * reviewer's router, intranet or a cloud metadata service (server-side request forgery).
 */
import { BlockList, isIP } from 'node:net';

/** What kind of address was refused, in words a reviewer understands ("a private network address"). */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'shared' | 'multicast' | 'unspecified' | 'reserved' | 'documentation';

interface SpecialRange {
  network: string;
  prefix: number;
  kind: Exclude<AddressKind, 'public'>;
  /** Where the range is defined (IANA special-purpose registries, RFC 6890 and successors). */
  source: string;
}

/**
 * Every IPv4 range that is not public unicast. IPv4-mapped IPv6 (::ffff:a.b.c.d) matches these
 * too, because Node's BlockList compares mapped addresses with the IPv4 rules.
 */
const IPV4_SPECIAL: readonly SpecialRange[] = [
  { network: '0.0.0.0', prefix: 8, kind: 'unspecified', source: 'RFC 1122 "this network"' },
  { network: '10.0.0.0', prefix: 8, kind: 'private', source: 'RFC 1918' },
  { network: '100.64.0.0', prefix: 10, kind: 'shared', source: 'RFC 6598 carrier-grade NAT' },
  { network: '127.0.0.0', prefix: 8, kind: 'loopback', source: 'RFC 1122' },
  { network: '169.254.0.0', prefix: 16, kind: 'link-local', source: 'RFC 3927 (cloud metadata services live here)' },
  { network: '172.16.0.0', prefix: 12, kind: 'private', source: 'RFC 1918' },
  { network: '192.0.0.0', prefix: 24, kind: 'reserved', source: 'RFC 6890 IETF protocol assignments' },
  { network: '192.0.2.0', prefix: 24, kind: 'documentation', source: 'RFC 5737 TEST-NET-1' },
  { network: '192.88.99.0', prefix: 24, kind: 'reserved', source: 'RFC 7526 deprecated 6to4 relays' },
  { network: '192.168.0.0', prefix: 16, kind: 'private', source: 'RFC 1918' },
  { network: '198.18.0.0', prefix: 15, kind: 'reserved', source: 'RFC 2544 benchmarking' },
  { network: '198.51.100.0', prefix: 24, kind: 'documentation', source: 'RFC 5737 TEST-NET-2' },
  { network: '203.0.113.0', prefix: 24, kind: 'documentation', source: 'RFC 5737 TEST-NET-3' },
  { network: '224.0.0.0', prefix: 4, kind: 'multicast', source: 'RFC 5771' },
  { network: '240.0.0.0', prefix: 4, kind: 'reserved', source: 'RFC 1112 future use, and 255.255.255.255 broadcast' },
];

/**
 * IPv6 ranges that are not public unicast. Public unicast lives only in 2000::/3, so anything
 * outside it is refused (see `classifyAddress`); these name the common ones and carve the special
 * blocks out of 2000::/3.
 */
const IPV6_SPECIAL: readonly SpecialRange[] = [
  { network: '::', prefix: 128, kind: 'unspecified', source: 'RFC 4291' },
  { network: '::1', prefix: 128, kind: 'loopback', source: 'RFC 4291' },
  { network: '64:ff9b:1::', prefix: 48, kind: 'private', source: 'RFC 8215 local-use NAT64' },
  { network: '100::', prefix: 64, kind: 'reserved', source: 'RFC 6666 discard-only' },
  { network: '2001::', prefix: 23, kind: 'reserved', source: 'RFC 2928 IETF protocol assignments (Teredo, ORCHID, …)' },
  { network: '2001:db8::', prefix: 32, kind: 'documentation', source: 'RFC 3849' },
  { network: '2002::', prefix: 16, kind: 'reserved', source: 'RFC 3056 6to4, which embeds any IPv4 address' },
  { network: '3fff::', prefix: 20, kind: 'documentation', source: 'RFC 9637' },
  { network: 'fc00::', prefix: 7, kind: 'private', source: 'RFC 4193 unique local' },
  { network: 'fe80::', prefix: 10, kind: 'link-local', source: 'RFC 4291' },
  { network: 'fec0::', prefix: 10, kind: 'private', source: 'RFC 3879 deprecated site-local' },
  { network: 'ff00::', prefix: 8, kind: 'multicast', source: 'RFC 4291' },
];

/** One BlockList per kind, so a refusal can say which kind of address it was. */
function listsByKind(ranges: readonly SpecialRange[], family: 'ipv4' | 'ipv6'): Array<[Exclude<AddressKind, 'public'>, BlockList]> {
  const lists = new Map<Exclude<AddressKind, 'public'>, BlockList>();
  for (const range of ranges) {
    const list = lists.get(range.kind) ?? new BlockList();
    list.addSubnet(range.network, range.prefix, family);
    lists.set(range.kind, list);
  }
  return [...lists];
}

const V4_LISTS = listsByKind(IPV4_SPECIAL, 'ipv4');
const V6_LISTS = listsByKind(IPV6_SPECIAL, 'ipv6');
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');
const NAT64_V6 = new BlockList();
NAT64_V6.addSubnet('64:ff9b::', 96, 'ipv6');
const MAPPED_V6 = new BlockList();
MAPPED_V6.addSubnet('::ffff:0:0', 96, 'ipv6');

/** The last 32 bits of an IPv6 address as dotted IPv4 (for NAT64 64:ff9b::/96, which embeds one). */
function embeddedIpv4(address: string): string | undefined {
  const tail = address.slice(address.lastIndexOf(':') + 1);
  if (isIP(tail) === 4) return tail;
  const groups = address.split(':');
  const low = Number.parseInt(groups.at(-1) || '0', 16);
  const high = Number.parseInt(groups.at(-2) || '0', 16);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** What kind of address `address` is ('public' only for public unicast); 'reserved' for anything that is not an IP address. */
export function classifyAddress(address: string): AddressKind {
  // Link-local IPv6 from the resolver may carry a zone ("fe80::1%eth0").
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return V4_LISTS.find(([, list]) => list.check(bare, 'ipv4'))?.[0] ?? 'public';
  if (family !== 6) return 'reserved';
  if (MAPPED_V6.check(bare, 'ipv6')) return V4_LISTS.find(([, list]) => list.check(bare, 'ipv6'))?.[0] ?? 'public';
  if (NAT64_V6.check(bare, 'ipv6')) {
    const inner = embeddedIpv4(bare);
    return inner ? classifyAddress(inner) : 'reserved';
  }
  const special = V6_LISTS.find(([, list]) => list.check(bare, 'ipv6'))?.[0];
  if (special) return special;
  return GLOBAL_UNICAST_V6.check(bare, 'ipv6') ? 'public' : 'reserved';
}

/** True when a fetch may connect to `address` with private addresses not allowed. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

const KIND_WORDS: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address (this computer itself)',
  private: 'a private network address',
  'link-local': 'a link-local address (the local network segment, where cloud metadata services answer)',
  shared: 'a carrier-grade NAT address (a provider’s private network)',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address that is not on the public internet',
  documentation: 'an address reserved for documentation, not on the public internet',
};

/** "a private network address" for 10.0.0.5: how a refusal names the kind of address. */
export function describeAddressKind(kind: AddressKind): string {
  return KIND_WORDS[kind];
}
