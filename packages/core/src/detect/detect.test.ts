import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CarrierMatch, detectCarrier } from '@trackline/core/detect';
import { datasetTestNumbers } from './test-numbers.js';

const carriers = (input: string) => detectCarrier(input).map((match) => match.carrier);
const top = (input: string) => detectCarrier(input)[0];

/** The carrier an S10 number belongs to, by its issuing country. */
function s10Carrier(number: string): string {
  const country = number.trim().slice(-2);
  return country === 'US' ? 'usps' : country === 'GB' ? 'royal_mail' : country === 'CA' ? 'canada_post' : 'postal';
}

/** Index of the check character in a normalized number of the format, for breaking it on purpose. */
const checkIndex: Record<string, (length: number) => number> = {
  fedex_astra_32: () => 27,
  s10: () => 10,
};

function breakCheck(format: string, number: string): string {
  const normalized = number.replace(/[\s-]/g, '').toUpperCase();
  const at = (checkIndex[format] ?? ((length: number) => length - 1))(normalized.length);
  const code = normalized.charCodeAt(at);
  const replacement =
    code >= 48 && code <= 57
      ? String.fromCharCode(48 + ((code - 48 + 1) % 10))
      : code === 90
        ? 'A'
        : String.fromCharCode(code + 1);
  return normalized.slice(0, at) + replacement + normalized.slice(at + 1);
}

describe('detectCarrier — the dataset test numbers', () => {
  for (const format of datasetTestNumbers) {
    describe(format.format, () => {
      for (const number of format.valid) {
        it(`recognizes ${JSON.stringify(number)} as ${format.carrier}`, () => {
          const expected = format.format === 's10' ? s10Carrier(number) : format.carrier;
          const match = detectCarrier(number).find((candidate) => candidate.carrier === expected);
          assert.ok(match, `${expected} missing from ${JSON.stringify(detectCarrier(number))}`);
          assert.equal(match.checksum, format.checksum ? 'valid' : 'none');
          assert.equal(match.trackingNumber, number.replace(/[\s-]/g, '').toUpperCase());
        });
      }

      for (const number of format.invalid) {
        it(`does not take ${JSON.stringify(number)} for this format`, () => {
          const found = detectCarrier(number);
          const expected = format.format === 's10' ? s10Carrier(number) : format.carrier;
          // Some numbers the format rejects are fine for another format (twelve zeros pass FedEx Express).
          assert.ok(!found.some((match) => match.carrier === expected), JSON.stringify(found));
        });
      }

      const first = format.valid[0];
      if (format.checksum && first !== undefined) {
        it('rejects the first valid number once its check digit is changed', () => {
          const broken = breakCheck(format.format, first);
          const expected = format.format === 's10' ? s10Carrier(first) : format.carrier;
          const found = detectCarrier(broken).filter((match) => match.carrier === expected);
          assert.deepEqual(found, [], `${broken} → ${JSON.stringify(found)}`);
        });
      }
    });
  }
});

describe('detectCarrier — what each format tells', () => {
  it('names the UPS service from the 1Z service code', () => {
    assert.equal(top('1Z879E930346834440')?.service, 'Ground');
    assert.equal(top('1ZXX3150YW44070023')?.service, 'SurePost (delivered by USPS)');
  });

  it('tells FedEx Ground from FedEx Express', () => {
    assert.equal(top('986578788855')?.service, 'Express');
    assert.equal(top('9611020987654312345672')?.service, 'Ground');
    assert.equal(top('041441760228964')?.service, 'Ground');
  });

  it('gives an S10 number its issuing country', () => {
    assert.deepEqual(top('RB123456785GB'), {
      carrier: 'royal_mail',
      trackingNumber: 'RB123456785GB',
      checksum: 'valid',
      service: 'Registered mail',
      country: 'GB',
    });
    assert.equal(top('RB123456785CV')?.carrier, 'postal');
    assert.equal(top('RB123456785CV')?.country, 'CV');
    assert.equal(top('EA123456785CA')?.carrier, 'canada_post');
    assert.equal(top('EA123456785US')?.service, 'EMS');
  });

  it('reads former FedEx SmartPost barcodes as USPS IMpb', () => {
    assert.deepEqual(carriers('9261292700768711948021'), ['usps']);
    assert.deepEqual(carriers('420 11213 92 6129098349792366623 8'), ['usps']);
  });

  it('names the DPD service from its service code', () => {
    assert.equal(top('008182709980000020033350276C')?.service, 'DPD 8:30');
  });
});

describe('detectCarrier — what people paste', () => {
  it('ignores spaces, dashes, dots, tabs and case', () => {
    for (const input of [
      '1z879e930346834440',
      '1Z 879E 9303 4683 4440',
      '1Z-879E-9303-4683-4440',
      '1Z.879E.9303.4683.4440',
      '\t1Z879E930346834440\n',
      '1Z\u00a0879E\u200b930346834440',
    ]) {
      assert.equal(top(input)?.trackingNumber, '1Z879E930346834440', JSON.stringify(input));
      assert.equal(top(input)?.carrier, 'ups', JSON.stringify(input));
    }
  });

  it('reads a number typed full-width or copied with invisible characters', () => {
    for (const input of [
      '１Ｚ８７９Ｅ９３０３４６８３４４４０', // full-width, as a Japanese or Chinese keyboard types it
      '１ｚ８７９ｅ\u3000９３０３\u3000４６８３\u3000４４４０',
      '1Z879E93034683444０',
      '1Z879E\u2060930346834440', // word joiner
      '1Z879E\u00ad930346834440', // soft hyphen
      '\u200e1Z879E930346834440\u200f', // direction marks
      'Tracking #：１Ｚ８７９Ｅ９３０３４６８３４４４０',
    ]) {
      assert.equal(top(input)?.trackingNumber, '1Z879E930346834440', JSON.stringify(input));
      assert.equal(top(input)?.carrier, 'ups', JSON.stringify(input));
    }
  });

  it('finds the number in surrounding text', () => {
    assert.equal(top('Tracking #: 1Z879E930346834440')?.trackingNumber, '1Z879E930346834440');
    assert.equal(top('Tracking #: 1Z 879E 9303 4683 4440')?.trackingNumber, '1Z879E930346834440');
    assert.equal(top('Your parcel 9400 1112 0108 0805 4830 16 is on its way.')?.carrier, 'usps');
    assert.equal(top('the 1Z879E930346834440')?.carrier, 'ups');
    assert.deepEqual(carriers('Order 1234-5678 has shipped'), []);
  });

  it('never cuts a number out of a longer run of digit groups', () => {
    // The 22 digits at the end are a valid IMpb C number on their own; the whole 34 are one number.
    assert.deepEqual(
      detectCarrier('Tracking: 4201 0023 3424 9200 1901 3260 7600 8334 57').map((match) => match.trackingNumber),
      ['4201002334249200190132607600833457'],
    );
  });

  it('reads the number out of carrier tracking links', () => {
    const cases: Array<[string, string, string]> = [
      [
        'https://www.ups.com/track?loc=en_US&tracknum=1Z879E930346834440&requester=WT/trackdetails',
        'ups',
        '1Z879E930346834440',
      ],
      ['https://www.fedex.com/fedextrack/?trknbr=986578788855', 'fedex', '986578788855'],
      ['https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787', 'usps', '9400111206206406260787'],
      [
        'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201112%200108%200805%204830%2016',
        'usps',
        '9400111201080805483016',
      ],
      [
        'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=3318810025',
        'dhl',
        '3318810025',
      ],
      [
        'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=7035114477138472',
        'canada_post',
        '7035114477138472',
      ],
      ['https://www.yodel.co.uk/tracking/JD0002242617644732', 'yodel', 'JD0002242617644732'],
      ['www.ups.com/track?tracknum=1Z879E930346834440', 'ups', '1Z879E930346834440'],
      ['See https://www.ups.com/track?tracknum=1Z879E930346834440 for details', 'ups', '1Z879E930346834440'],
    ];
    for (const [url, carrier, number] of cases) {
      assert.deepEqual([top(url)?.carrier, top(url)?.trackingNumber], [carrier, number], url);
    }
  });

  it('returns every number of a comma-separated USPS link', () => {
    const found = detectCarrier(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787%2C9261292700768711948021',
    );
    assert.deepEqual(
      found.map((match) => match.trackingNumber),
      ['9400111206206406260787', '9261292700768711948021'],
    );
  });
});

describe('detectCarrier — ranking', () => {
  it('returns every carrier of an ambiguous number, check-digit-valid ones first', () => {
    // Valid for FedEx Express (weighted mod 11) and for Purolator (Luhn).
    assert.deepEqual(carriers('320610804900'), ['fedex', 'purolator']);
    // Valid for Old Dominion (Luhn, 072 prefix) and DHL Express (mod 7); the prefixed format is the stricter.
    assert.deepEqual(carriers('07209562706'), ['old_dominion', 'dhl']);
    // Valid USPS IMpb with a 420 routing prefix, and by chance a valid FedEx Express 34 too.
    assert.deepEqual(carriers('4201002334249200190132607080833497'), ['usps', 'fedex']);
    // Valid FedEx Ground and DPD (14).
    assert.deepEqual(carriers('099800000200561'), ['fedex', 'dpd']);
  });

  it('ranks a valid check digit above a format that has none', () => {
    assert.deepEqual(
      detectCarrier('A2479825491').map((match) => [match.carrier, match.checksum]),
      [
        ['ups', 'valid'],
        ['amazon', 'none'],
      ],
    );
    assert.deepEqual(carriers('RX123456785GB'), ['royal_mail', 'dhl_ecommerce']);
  });

  it("puts the link's carrier first", () => {
    assert.deepEqual(carriers('https://www.purolator.com/en/shipping/tracker?searchValue=320610804900'), [
      'purolator',
      'fedex',
    ]);
    assert.deepEqual(carriers('https://www.fedex.com/fedextrack/?trknbr=320610804900'), ['fedex', 'purolator']);
    assert.deepEqual(carriers('https://www.dhl.com/en/express/tracking.html?AWB=07209562706'), ['dhl', 'old_dominion']);
  });

  it('puts a carrier named next to the number first', () => {
    assert.deepEqual(carriers('Purolator 320610804900'), ['purolator', 'fedex']);
  });
});

describe('detectCarrier — any input', () => {
  const isNormalized = (match: CarrierMatch) => /^[0-9A-Z]+$/.test(match.trackingNumber);

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (input) => {
        assert.ok(Array.isArray(detectCarrier(input)));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on values that are not strings', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        assert.deepEqual(detectCarrier(input as string), []);
      }),
    );
    for (const input of [undefined, null, 42, {}, [], Symbol('x'), () => '1Z879E930346834440', new String('x')]) {
      assert.deepEqual(detectCarrier(input as unknown as string), []);
    }
  });

  /** Strings shaped like tracking numbers, so the properties below see matches, not just `[]`. */
  const numberLike = fc.oneof(
    fc.stringMatching(/^[0-9]{10,34}$/),
    fc.stringMatching(/^[A-Z]{1,4}[0-9]{8,20}[A-Z0-9]{0,3}$/),
    fc.stringMatching(/^(1Z|TBA|JJD|GM|C|D|K|RB)[0-9A-Z]{9,18}$/),
    fc.constantFrom(...datasetTestNumbers.flatMap((format) => format.valid)),
  );

  it('returns normalized numbers', () => {
    fc.assert(
      fc.property(numberLike, fc.constantFrom('', ' ', '-', '.'), (input, separator) => {
        const spaced = input.split('').join(separator).toLowerCase();
        for (const match of detectCarrier(spaced)) assert.ok(isNormalized(match), JSON.stringify(match));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same carriers however the number is spaced or cased', () => {
    fc.assert(
      fc.property(numberLike, fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) => {
        const compact = input.replace(/\s/g, '');
        let spaced = compact;
        for (const cut of cuts) {
          const at = cut % (spaced.length + 1);
          spaced = `${spaced.slice(0, at)} ${spaced.slice(at)}`;
        }
        const whole = detectCarrier(compact);
        const split = carriers(spaced.toLowerCase());
        if (whole.some((match) => match.checksum === 'valid')) {
          assert.deepEqual(
            split,
            whole.map((match) => match.carrier),
          );
        } else {
          // Where the whole string holds no valid number, its words are also tried on their own.
          for (const match of whole) assert.ok(split.includes(match.carrier), JSON.stringify({ spaced, split }));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('re-validates every match it calls valid', () => {
    fc.assert(
      fc.property(numberLike, (input) => {
        for (const match of detectCarrier(input)) {
          if (match.checksum !== 'valid') continue;
          const again = detectCarrier(match.trackingNumber);
          assert.ok(
            again.some((other) => other.carrier === match.carrier && other.checksum === 'valid'),
            JSON.stringify({ match, again }),
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('returns for a 1 MB input', () => {
    for (const input of [
      '1'.repeat(1 << 20),
      '1Z879E930346834440 '.repeat(55_000),
      'https://www.ups.com/track?tracknum=' + '9'.repeat(1 << 20),
      ' '.repeat(1 << 20) + '1Z879E930346834440',
      'a-'.repeat(1 << 19),
    ]) {
      assert.ok(Array.isArray(detectCarrier(input)));
    }
  });

  it('handles long texts near the cap', () => {
    const text = `${'Lorem ipsum 12 dolor 345 sit amet. '.repeat(55)} 1Z879E930346834440`;
    assert.ok(text.length < 2048);
    assert.equal(top(text)?.trackingNumber, '1Z879E930346834440');
  });
});
