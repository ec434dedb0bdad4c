import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may not go in production unless the host is allowed by name: addresses that
 * reach this machine, its network or its cloud's metadata service instead of the internet.
 * IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry.
 */
const FORBIDDEN = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  FORBIDDEN.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (AWS metadata fd00:ec2::254 among them)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(net, bits, 'ipv6');
}

/** The IPv4 address an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::/96`) address carries. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an IP address is one a production webhook may not reach. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return FORBIDDEN.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return FORBIDDEN.check(v4, 'ipv4');
    return FORBIDDEN.check(bare, 'ipv6');
  }
  return true;
}

/** The rules for one delivery or one check: whether they apply, and which hosts pass by name. */
export interface AddressPolicy {
  /** Production: private targets are refused. Outside production everything is allowed. */
  enforce: boolean;
  allowedHosts: readonly string[];
}

/** The host of a URL as compared with the allowed list (lower case, IPv6 without brackets). */
export function policyHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

export class ForbiddenTargetError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`alamat ${address} (${host}) adalah alamat jaringan privat atau lokal`);
    this.name = 'ForbiddenTargetError';
  }
}

/**
 * A `lookup` for `http.request` that resolves the host and refuses (with
 * `ForbiddenTargetError`) when an address it would connect to is forbidden: the check is on the
 * very address the socket uses, so a name that resolved elsewhere at creation (DNS rebinding)
 * is still refused.
 */
export function guardedLookup(policy: AddressPolicy, host: string): LookupFunction {
  const allowed = !policy.enforce || policy.allowedHosts.includes(host.toLowerCase());
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      if (!allowed) {
        const bad = list.find((a) => isForbiddenAddress(a.address));
        if (bad) return callback(new ForbiddenTargetError(hostname, bad.address), '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname}: tidak ada alamat`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Checks a target before it is stored: every address the host resolves to now must be allowed.
 * Answers the reason it is refused, or null.
 */
export async function refusalOf(url: URL, policy: AddressPolicy): Promise<string | null> {
  if (!policy.enforce) return null;
  const host = policyHost(url);
  if (policy.allowedHosts.includes(host)) return null;
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAll(host)).map((a) => a.address);
    } catch {
      return `nama host ${host} tidak dapat diresolusi`;
    }
  }
  const bad = addresses.find(isForbiddenAddress);
  return bad
    ? `${host} mengarah ke ${bad}, alamat jaringan privat, lokal atau metadata (izinkan lewat SIGAP_WEBHOOK_ALLOWED_HOSTS bila memang dimaksud)`
    : null;
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
}
