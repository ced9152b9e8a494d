import type { CarrierId } from '../model/carrier.js';

/** `valid`: the number's check digit is right. `none`: its format has no check digit to verify. */
export type ChecksumState = 'valid' | 'none';

/** One carrier a tracking number could belong to. */
export interface CarrierMatch {
  carrier: CarrierId;
  /** The service the number itself encodes (UPS 1Z service code, FedEx Ground/Express, …), where it does. */
  service?: string;
  /** The number as the carrier knows it: upper case, without spaces, dashes or dots. */
  trackingNumber: string;
  checksum: ChecksumState;
  /** ISO 3166 country of the post that issued a UPU S10 number (`RB123456785GB` → `GB`). */
  country?: string;
}
