import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCarrier } from '@trackline/core/detect';
import type { CarrierId } from '../model/carrier.js';

/**
 * One number form the detector promises (issue #2 names each one), a number of that form and one it must
 * turn down. A `check digit` rejection differs from the valid number only in its check character, so the
 * test proves the checksum is verified, not just the shape.
 */
interface NamedForm {
  readonly form: string;
  readonly carrier: CarrierId;
  readonly checksum: 'valid' | 'none';
  readonly valid: string;
  readonly invalid: string;
  readonly rejectedFor: 'check digit' | 'shape';
}

// Valid numbers are the open dataset's test numbers (jkeen/tracking_number_data v2.0.0) or S10 numbers built with
// the UPU check digit; each invalid one is a valid number with its check character changed, or a near miss in shape.
const forms: readonly NamedForm[] = [
  // UPS: 1Z and the other UPS form (waybill).
  {
    form: 'UPS 1Z',
    carrier: 'ups',
    checksum: 'valid',
    valid: '1Z879E930346834440',
    invalid: '1Z879E930346834441',
    rejectedFor: 'check digit',
  },
  {
    form: 'UPS waybill',
    carrier: 'ups',
    checksum: 'valid',
    valid: 'K2479825491',
    invalid: 'K2479825492',
    rejectedFor: 'check digit',
  },
  // FedEx: 12-digit Express, 15-digit Ground, 96-prefixed Ground, SSCC-18, 32 (ASTRA) and 34-digit forms.
  {
    form: 'FedEx Express 12',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '986578788855',
    invalid: '986578788856',
    rejectedFor: 'check digit',
  },
  {
    form: 'FedEx Ground 15',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '041441760228964',
    invalid: '041441760228965',
    rejectedFor: 'check digit',
  },
  {
    form: 'FedEx Ground 96 (22)',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '9611020987654312345672',
    invalid: '9611020987654312345673',
    rejectedFor: 'check digit',
  },
  {
    form: 'FedEx Ground GSN (96, 34)',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '9622001900000000000000776632517510',
    invalid: '9622001900000000000000776632517511',
    rejectedFor: 'check digit',
  },
  {
    form: 'FedEx Ground SSCC-18',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '000123450000000027',
    invalid: '000123450000000028',
    rejectedFor: 'check digit',
  },
  // ASTRA's check digit is the 28th of 32 characters, not the last.
  {
    form: 'FedEx ASTRA 32',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '32971514560102447849175802862014',
    invalid: '32971514560102447849175802872014',
    rejectedFor: 'check digit',
  },
  {
    form: 'FedEx Express 34',
    carrier: 'fedex',
    checksum: 'valid',
    valid: '1001921334250001000300779017972697',
    invalid: '1001921334250001000300779017972698',
    rejectedFor: 'check digit',
  },
  // USPS: IMpb (mod 10, with and without the 420 + ZIP routing prefix), legacy 91 and 20-digit, UPU S10.
  {
    form: 'USPS IMpb (94…)',
    carrier: 'usps',
    checksum: 'valid',
    valid: '9400111206206406260787',
    invalid: '9400111206206406260788',
    rejectedFor: 'check digit',
  },
  {
    form: 'USPS IMpb (92…, former FedEx SmartPost)',
    carrier: 'usps',
    checksum: 'valid',
    valid: '9261292700768711948021',
    invalid: '9261292700768711948022',
    rejectedFor: 'check digit',
  },
  {
    form: 'USPS IMpb with 420 + ZIP',
    carrier: 'usps',
    checksum: 'valid',
    valid: '4201002334249200190132607600833457',
    invalid: '4201002334249200190132607600833458',
    rejectedFor: 'check digit',
  },
  {
    form: 'USPS legacy 91',
    carrier: 'usps',
    checksum: 'valid',
    valid: '9101123456789000000013',
    invalid: '9101123456789000000014',
    rejectedFor: 'check digit',
  },
  {
    form: 'USPS 20-digit',
    carrier: 'usps',
    checksum: 'valid',
    valid: '03071790000523483741',
    invalid: '03071790000523483742',
    rejectedFor: 'check digit',
  },
  {
    form: 'USPS UPU S10',
    carrier: 'usps',
    checksum: 'valid',
    valid: 'EA123456785US',
    invalid: 'EA123456784US',
    rejectedFor: 'check digit',
  },
  // DHL Express (mod 7) and DHL eCommerce.
  {
    form: 'DHL Express (mod 7)',
    carrier: 'dhl',
    checksum: 'valid',
    valid: '3318810025',
    invalid: '3318810024',
    rejectedFor: 'check digit',
  },
  {
    form: 'DHL Express piece ID',
    carrier: 'dhl',
    checksum: 'none',
    valid: 'JJD0099999999',
    invalid: 'XJD0099999998',
    rejectedFor: 'shape',
  },
  {
    form: 'DHL eCommerce',
    carrier: 'dhl_ecommerce',
    checksum: 'none',
    valid: 'GM2951173225174494',
    invalid: 'GS2951173225174494',
    rejectedFor: 'shape',
  },
  {
    form: 'DHL eCommerce 14',
    carrier: 'dhl_ecommerce',
    checksum: 'none',
    valid: '60120172242323',
    invalid: '601201722X2323',
    rejectedFor: 'shape',
  },
  // Amazon Logistics, OnTrac, LaserShip.
  {
    form: 'Amazon Logistics',
    carrier: 'amazon',
    checksum: 'none',
    valid: 'TBA502887274000',
    invalid: 'TBB502887274000',
    rejectedFor: 'shape',
  },
  {
    form: 'OnTrac C',
    carrier: 'ontrac',
    checksum: 'valid',
    valid: 'C11031500001879',
    invalid: 'C11031500001878',
    rejectedFor: 'check digit',
  },
  {
    form: 'OnTrac D',
    carrier: 'ontrac',
    checksum: 'valid',
    valid: 'D10011354453707',
    invalid: 'D10011354453708',
    rejectedFor: 'check digit',
  },
  {
    form: 'LaserShip L',
    carrier: 'lasership',
    checksum: 'none',
    valid: 'LX17635036',
    invalid: 'LC17635036',
    rejectedFor: 'shape',
  },
  {
    form: 'LaserShip 1LS7',
    carrier: 'lasership',
    checksum: 'none',
    valid: '1LS717793482164',
    invalid: '1LS737793482164',
    rejectedFor: 'shape',
  },
  {
    form: 'LaserShip 1LSCX',
    carrier: 'lasership',
    checksum: 'none',
    valid: '1LSCXVE0058631Y',
    invalid: '1LSCYVE0058631Y',
    rejectedFor: 'shape',
  },
  // Canada Post (16 digits and S10) and Royal Mail (S10).
  {
    form: 'Canada Post 16',
    carrier: 'canada_post',
    checksum: 'valid',
    valid: '7035114477138472',
    invalid: '7035114477138473',
    rejectedFor: 'check digit',
  },
  {
    form: 'Canada Post S10',
    carrier: 'canada_post',
    checksum: 'valid',
    valid: 'EA123456785CA',
    invalid: 'EA123456784CA',
    rejectedFor: 'check digit',
  },
  {
    form: 'Royal Mail S10',
    carrier: 'royal_mail',
    checksum: 'valid',
    valid: 'RB123456785GB',
    invalid: 'RB123456784GB',
    rejectedFor: 'check digit',
  },
  // The other carriers the format data covers.
  {
    form: 'Purolator numeric',
    carrier: 'purolator',
    checksum: 'valid',
    valid: '320595463938',
    invalid: '320595463939',
    rejectedFor: 'check digit',
  },
  {
    form: 'Purolator alpha',
    carrier: 'purolator',
    checksum: 'none',
    valid: 'KYV009956937',
    invalid: 'KY0009956937',
    rejectedFor: 'shape',
  },
  {
    form: 'Canpar',
    carrier: 'canpar',
    checksum: 'none',
    valid: 'D576002440000001718010',
    invalid: 'M576002440000001718010',
    rejectedFor: 'shape',
  },
  {
    form: 'DPD 28',
    carrier: 'dpd',
    checksum: 'valid',
    valid: '008182709980000020033350276C',
    invalid: '008182709980000020033350276A',
    rejectedFor: 'check digit',
  },
  {
    form: 'DPD 14',
    carrier: 'dpd',
    checksum: 'valid',
    valid: '09980000020033F',
    invalid: '09980000020033D',
    rejectedFor: 'check digit',
  },
  {
    form: 'Yodel',
    carrier: 'yodel',
    checksum: 'none',
    valid: 'JD0002242617644732',
    invalid: 'JC0002242617644732',
    rejectedFor: 'shape',
  },
  {
    form: 'YunExpress',
    carrier: 'yunexpress',
    checksum: 'none',
    valid: 'YT2229521272164446',
    invalid: 'YT222952127216444',
    rejectedFor: 'shape',
  },
  {
    form: 'Spee-Dee',
    carrier: 'speedee',
    checksum: 'none',
    valid: 'SP029692510000920746',
    invalid: 'SX029692510000920746',
    rejectedFor: 'shape',
  },
  {
    form: 'GOFO',
    carrier: 'gofo',
    checksum: 'none',
    valid: 'GFUS01011884214464',
    invalid: 'GFUS0101188421446',
    rejectedFor: 'shape',
  },
  {
    form: 'Landmark Global',
    carrier: 'landmark',
    checksum: 'none',
    valid: 'LTN74207623N1',
    invalid: 'LSN74207623N1',
    rejectedFor: 'shape',
  },
  {
    form: 'Old Dominion',
    carrier: 'old_dominion',
    checksum: 'valid',
    valid: '07209562763',
    invalid: '07209562764',
    rejectedFor: 'check digit',
  },
];

/** Positions at which two strings of the same length differ. */
function differences(a: string, b: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) at.push(i);
  return at;
}

describe('detectCarrier — every carrier and form issue #2 names', () => {
  for (const form of forms) {
    it(`finds ${form.form} as ${form.carrier} (checksum ${form.checksum})`, () => {
      const match = detectCarrier(form.valid).find((candidate) => candidate.carrier === form.carrier);
      assert.ok(match, `${form.carrier} missing from ${JSON.stringify(detectCarrier(form.valid))}`);
      assert.equal(match.checksum, form.checksum);
      assert.equal(match.trackingNumber, form.valid);
    });

    it(`turns down a ${form.form} number with the wrong ${form.rejectedFor}`, () => {
      if (form.rejectedFor === 'check digit') {
        assert.equal(form.checksum, 'valid', 'only a form with a check digit can fail on it');
        assert.equal(form.invalid.length, form.valid.length);
        assert.equal(differences(form.valid, form.invalid).length, 1, 'changes only the check character');
      }
      const found = detectCarrier(form.invalid).filter((candidate) => candidate.carrier === form.carrier);
      assert.deepEqual(found, [], `${form.invalid} → ${JSON.stringify(found)}`);
    });
  }

  it('still finds each valid number when it is pasted spaced, dashed and in lower case', () => {
    for (const form of forms) {
      const pasted = form.valid
        .toLowerCase()
        .replace(/(.{4})/g, '$1 ')
        .trim()
        .replace(/ (?=.{0,4}$)/, '-');
      const match = detectCarrier(pasted).find((candidate) => candidate.carrier === form.carrier);
      assert.ok(match, `${form.form}: ${pasted} → ${JSON.stringify(detectCarrier(pasted))}`);
      assert.equal(match.trackingNumber, form.valid, pasted);
    }
  });
});
