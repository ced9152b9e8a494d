// Tracking numbers pasted as a carrier's tracking link: which carrier the link belongs to, and the parts
// of the link that could hold the number (query values, path segments, the fragment).
import type { CarrierId } from '../model/carrier.js';
import { decodeUrlPart } from './normalize.js';

/** A carrier's tracking-site domains (matched as the host or a parent domain of it). */
const hosts: ReadonlyArray<readonly [string, readonly CarrierId[]]> = [
  ['ups.com', ['ups']],
  ['fedex.com', ['fedex']],
  ['usps.com', ['usps']],
  ['dhl.com', ['dhl', 'dhl_ecommerce']],
  ['dhl.de', ['dhl', 'dhl_ecommerce']],
  ['dhl.co.uk', ['dhl', 'dhl_ecommerce']],
  ['dhlecommerce.com', ['dhl_ecommerce', 'dhl']],
  ['dhlglobalmail.com', ['dhl_ecommerce', 'dhl']],
  ['dhlecs.com', ['dhl_ecommerce', 'dhl']],
  ['amazon.com', ['amazon']],
  ['amazon.co.uk', ['amazon']],
  ['amazon.ca', ['amazon']],
  ['amazon.de', ['amazon']],
  ['ontrac.com', ['ontrac', 'lasership']],
  ['lasership.com', ['lasership', 'ontrac']],
  ['canadapost.ca', ['canada_post']],
  ['canadapost-postescanada.ca', ['canada_post']],
  ['postescanada.ca', ['canada_post']],
  ['royalmail.com', ['royal_mail']],
  ['purolator.com', ['purolator']],
  ['canpar.com', ['canpar']],
  ['canpar.ca', ['canpar']],
  ['dpd.com', ['dpd']],
  ['dpd.co.uk', ['dpd']],
  ['dpd.de', ['dpd']],
  ['dpdgroup.com', ['dpd']],
  ['yodel.co.uk', ['yodel']],
  ['yuntrack.com', ['yunexpress']],
  ['yunexpress.com', ['yunexpress']],
  ['speedeedelivery.com', ['speedee']],
  ['gofoexpress.com', ['gofo']],
  ['gofo.com', ['gofo']],
  ['landmarkglobal.com', ['landmark']],
  ['odfl.com', ['old_dominion']],
];

function carriersOfHost(host: string): readonly CarrierId[] {
  for (const [domain, carriers] of hosts) {
    if (host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46)) {
      return carriers;
    }
  }
  return [];
}

/** A link found in the input: the carriers its host belongs to, and the parts that may hold the number. */
export interface Link {
  readonly carriers: readonly CarrierId[];
  readonly parts: readonly string[];
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0;
}

/** The first http(s) link (or `www.` address) in the input, or `null`. */
export function findLink(input: string): Link | null {
  let start = input.indexOf('://');
  if (start >= 0) start += 3;
  else {
    start = 0;
    while (start < input.length && isSpace(input.charCodeAt(start))) start++;
    if (input.slice(start, start + 4).toLowerCase() !== 'www.') return null;
  }
  let end = start;
  while (end < input.length && !isSpace(input.charCodeAt(end))) end++;
  const address = input.slice(start, end);

  let hostEnd = 0;
  while (hostEnd < address.length && '/?#'.indexOf(address.charAt(hostEnd)) < 0) hostEnd++;
  let host = address.slice(0, hostEnd).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);

  // Query values, path segments and fragment pieces; a comma-separated list (USPS `tLabels`) splits too.
  const parts: string[] = [];
  const rest = decodeUrlPart(address.slice(hostEnd));
  let from = 0;
  for (let i = 0; i <= rest.length; i++) {
    if (i === rest.length || '/?&=#;,:'.indexOf(rest.charAt(i)) >= 0) {
      if (i > from) parts.push(rest.slice(from, i));
      from = i + 1;
    }
  }
  return { carriers: carriersOfHost(host), parts };
}
