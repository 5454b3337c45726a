import type { NetworkInterfaceInfo } from 'node:os';
import type { HostInterface } from '../../core/contract/network';

/**
 * The machine's interfaces as host mode shows and uses them: each address with its subnet (the
 * default allow-list), and the URLs other PCs type. Pure functions over os.networkInterfaces()'s
 * shape, so tests pass their own.
 */

// node:net's isIP would do, but the server layer imports no networking module (see .dependency-cruiser.cjs).
const isIPv4 = (text: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(text);
const isIPv6 = (text: string) => text.includes(':');

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

export const ALL_IPV4 = '0.0.0.0';
export const ALL_IPV6 = '::';
export const isWildcard = (address: string) => address === ALL_IPV4 || address === ALL_IPV6;

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The eight 16-bit groups of an IPv6 address ('::' expanded; an embedded IPv4 tail folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToInt(v4[1]);
    text = `${text.slice(0, v4.index)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
}

/** The usual short form: the longest run of two or more zero groups becomes '::'. */
function groupsToIpv6(groups: number[]): string {
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j > i ? j - 1 : i;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`;
}

/** Counts the one bits of a netmask (255.255.255.0 → 24, ffff:ffff:: → 32). */
function prefixOf(netmask: string): number {
  if (isIPv4(netmask)) return ipv4ToInt(netmask).toString(2).replace(/0/g, '').length;
  return ipv6Groups(netmask).reduce((bits, g) => bits + g.toString(2).replace(/0/g, '').length, 0);
}

/** The network an address is on, as CIDR: 192.168.1.37 / 255.255.255.0 → 192.168.1.0/24. */
export function subnetOf(address: string, netmask: string): string {
  const prefix = prefixOf(netmask);
  if (isIPv4(address)) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return `${intToIpv4((ipv4ToInt(address) & mask) >>> 0)}/${prefix}`;
  }
  const groups = ipv6Groups(address).map((g, i) => {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    return g & (bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff);
  });
  return `${groupsToIpv6(groups)}/${prefix}`;
}

function inIpv4Subnet(address: string, cidr: string): boolean {
  const [network, bits] = cidr.split('/');
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (ipv4ToInt(address) & mask) >>> 0 === ipv4ToInt(network);
}

interface Address extends HostInterface {
  internal: boolean;
}

/** Every address of the machine with its subnet; link-local IPv6 left out (it needs a zone nobody types). */
export function addressesOf(table: InterfaceTable): Address[] {
  const out: Address[] = [];
  for (const [name, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv6' && /^fe80:/i.test(info.address)) continue;
      out.push({ name, address: info.address, family: info.family, cidr: subnetOf(info.address, info.netmask), internal: info.internal });
    }
  }
  return out;
}

/** What the settings screen offers: the addresses other PCs can reach (no loopback). */
export function hostInterfaces(table: InterfaceTable): HostInterface[] {
  return addressesOf(table)
    .filter((a) => !a.internal)
    .map(({ name, address, family, cidr }) => ({ name, address, family, cidr }));
}

/** Whether host mode may listen there: one of this machine's addresses, or all of them. */
export function isOwnAddress(table: InterfaceTable, address: string): boolean {
  return isWildcard(address) || addressesOf(table).some((a) => a.address === address);
}

/** The addresses a listener on `address` answers on. */
export function servedAddresses(table: InterfaceTable, address: string): Address[] {
  const all = addressesOf(table);
  if (address === ALL_IPV4) return all.filter((a) => a.family === 'IPv4');
  if (address === ALL_IPV6) return all;
  const own = all.filter((a) => a.address === address);
  if (own.length > 0) return own;
  // An address the OS answers on without listing it (127.0.0.2 on Linux): the listed subnet it lies in.
  const within = all.find((a) => a.family === 'IPv4' && isIPv4(address) && inIpv4Subnet(address, a.cidr));
  return [{ name: within?.name ?? '', address, family: isIPv6(address) ? 'IPv6' : 'IPv4', cidr: within?.cidr ?? address, internal: within?.internal ?? false }];
}

/** The default allow-list: the subnet(s) of the interface(s) served on. */
export function defaultAllow(table: InterfaceTable, address: string): string[] {
  return [...new Set(servedAddresses(table, address).map((a) => a.cidr))];
}

/** What other PCs type: one per reachable address (loopback only when nothing else is served). */
export function hostUrls(table: InterfaceTable, address: string, port: number): string[] {
  const served = servedAddresses(table, address);
  const outward = served.filter((a) => !a.internal);
  return (outward.length > 0 ? outward : served).map((a) => `https://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${port}/`);
}
