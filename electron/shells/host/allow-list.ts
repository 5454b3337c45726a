import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { AppError } from '../../core/contract/errors';

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d: it is read (and allowed) as the IPv4 address it is. */
export function clientAddress(remote: string | undefined): string | null {
  if (!remote) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  return mapped ? mapped[1]! : remote;
}

/**
 * The client networks let in, as CIDRs (`192.168.1.0/24`, `fd00::/8`) or single addresses. A
 * BlockList is used as an allow-list: an address it "blocks" is one of ours.
 */
export function allowList(cidrs: readonly string[]): (address: string | null) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix] = cidr.trim().split('/');
    const type = isIPv4(network) ? 'ipv4' : isIPv6(network) ? 'ipv6' : null;
    const bits = prefix === undefined ? (type === 'ipv4' ? 32 : 128) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!type || !(bits >= 0 && bits <= (type === 'ipv4' ? 32 : 128))) {
      throw new AppError('VALIDATION', { issues: [{ path: ['allow'], message: 'v.network' }], params: { network: cidr } });
    }
    list.addSubnet(network, bits, type);
  }
  return (address) => {
    if (address === null) return false;
    if (isIPv4(address)) return list.check(address, 'ipv4');
    return isIPv6(address) && list.check(address, 'ipv6');
  };
}
