import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * How many proxies in front of the server to believe. `false`/0: X-Forwarded-For is ignored (any
 * client can write it); `true` is one proxy; n trusts the last n hops.
 */
export type TrustProxy = boolean | number;

/** IPv6 clients usually hold a whole /64: limiting single addresses would not limit them. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}

/** The address rate limits count against: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by /64. */
export function rateLimitAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  return isIP(address) === 6 ? ipv6Prefix64(address.split('%')[0]!) : address;
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the hop the outermost
 * trusted proxy saw (counting from the right, since each proxy appends and only ours are honest).
 */
export function clientAddress(c: Context, trustProxy: TrustProxy = false): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => isIP(part) !== 0);
    const candidate = forwarded[Math.max(0, forwarded.length - hops)];
    if (candidate) return rateLimitAddress(candidate);
  }
  try {
    const address = getConnInfo(c).remote.address;
    return address ? rateLimitAddress(address) : 'unknown';
  } catch {
    // Not served by @hono/node-server (e.g. `app.request()` in tests): there is no socket.
    return 'unknown';
  }
}
