/** The address classification behind the private-address rule: IPv4, IPv6, mapped and embedded forms. */
import { describe, expect, it } from 'vitest';
import { classifyAddress, describeAddressKind, isPublicAddress, type AddressKind } from './address-policy';

const TABLE: Array<[string, AddressKind]> = [
  // IPv4
  ['8.8.8.8', 'public'],
  ['93.184.215.14', 'public'],
  ['172.32.0.1', 'public'],
  ['100.128.0.1', 'public'],
  ['10.0.0.5', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'shared'],
  ['0.0.0.0', 'unspecified'],
  ['224.0.0.251', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.18.0.1', 'reserved'],
  // IPv6
  ['2a00:1450:4001:80e::200e', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['2001:0:4136:e378::1', 'reserved'],
  ['2002:a00:1::1', 'reserved'],
  ['::a00:1', 'reserved'],
  ['100::1', 'reserved'],
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) judged by the IPv4 inside
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.5', 'private'],
  ['::ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::a00:5', 'private'],
  ['64:ff9b::169.254.169.254', 'link-local'],
  ['64:ff9b::808:808', 'public'],
  ['64:ff9b:1::1', 'private'],
  // not an address at all
  ['example.org', 'reserved'],
  ['', 'reserved'],
];

describe('classifyAddress', () => {
  it.each(TABLE)('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    expect(isPublicAddress(address)).toBe(kind === 'public');
  });

  it('names every kind in words a reviewer understands', () => {
    expect(describeAddressKind('private')).toBe('a private network address');
    expect(describeAddressKind('link-local')).toMatch(/link-local/);
    expect(describeAddressKind('loopback')).toMatch(/this computer/);
  });
});
