/** Who is asking, for the per-client rate limit. */
export interface LookupClient {
  /** The client's IP address: the socket's peer, or taken from `X-Forwarded-For` when `trustProxy` says so. */
  address: string;
  /** The request headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
}

/**
 * The client's address. With `trustProxy` set to the number of proxies in front of the server (`true` is
 * one), the address is read from `X-Forwarded-For` that many entries from the right: each proxy appends
 * the address it saw, and anything left of the trusted part could have been written by the client.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  headers: Readonly<Record<string, string>>,
  trustProxy: boolean | number,
): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  const forwarded = hops > 0 ? headers['x-forwarded-for'] : undefined;
  if (forwarded) {
    const chain = forwarded
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const client = chain[Math.max(0, chain.length - hops)];
    if (client) return withoutPort(client);
  }
  // A platform's address (`clientAddress` on Fetch-API servers) may be read from a header with a port too.
  return remoteAddress ? withoutPort(remoteAddress.trim()) : 'unknown';
}

/**
 * The address without the port some proxies write after it (Azure's `203.0.113.7:50123`,
 * `[2001:db8::1]:443`): the client's port changes with every connection, so keeping it would give each
 * request a fresh allowance. A bare IPv6 address has colons of its own and is left as it is.
 */
export function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const ipv4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d*$/.exec(address);
  return ipv4 ? ipv4[1]! : address;
}

/**
 * The rate-limit key for an address. An IPv6 subscriber is usually given a whole /64, so IPv6 addresses
 * count per /64 prefix; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function addressKey(given: string): string {
  const address = withoutPort(given.trim());
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
