import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { eventTime, zoneForPlace } from '@trackline/core';

describe('eventTime', () => {
  it('keeps an offset the carrier gave with the time', () => {
    assert.deepEqual(eventTime({ local: '2024-04-26T07:50:00-07:00' }), {
      at: '2024-04-26T07:50:00-07:00',
      timeSource: 'carrier',
    });
  });

  it('joins a local time and an offset given beside it (UPS gmtOffset)', () => {
    assert.deepEqual(eventTime({ local: '2022-01-26T16:30:00', offset: '-05:00' }), {
      at: '2022-01-26T16:30:00-05:00',
      timeSource: 'carrier',
    });
  });

  it('works the offset out from the same instant in UTC (USPS GMTTimestamp)', () => {
    assert.deepEqual(eventTime({ local: '2024-11-22T13:58:40', utc: '2024-11-22T18:58:40Z' }), {
      at: '2024-11-22T13:58:40-05:00',
      timeSource: 'carrier',
    });
  });

  it('infers the offset from the scan location and says so', () => {
    assert.deepEqual(eventTime({ local: '2018-03-02T07:53:47', location: { city: 'Leipzig', country: 'DE' } }), {
      at: '2018-03-02T07:53:47+01:00',
      timeSource: 'inferred',
    });
  });

  it('knows summer time from winter time at the location', () => {
    const summer = eventTime({ local: '2024-07-01T12:00:00', location: { region: 'CA', country: 'US' } });
    const winter = eventTime({ local: '2024-01-01T12:00:00', location: { region: 'CA', country: 'US' } });
    assert.equal(summer?.at, '2024-07-01T12:00:00-07:00');
    assert.equal(winter?.at, '2024-01-01T12:00:00-08:00');
  });

  it('falls back to UTC, and says so, when nothing tells the zone', () => {
    assert.deepEqual(eventTime({ local: '2024-05-01T08:00:00' }), {
      at: '2024-05-01T08:00:00+00:00',
      timeSource: 'utc',
    });
  });

  it('returns nothing for a time it cannot read', () => {
    assert.equal(eventTime({ local: 'yesterday' }), undefined);
    assert.equal(eventTime({ local: '2024-13-45T99:00:00' }), undefined);
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (local, offset, region) => {
        eventTime({ local, offset: offset ?? undefined, location: { region: region ?? undefined, country: 'US' } });
      }),
    );
  });
});

describe('eventTime read again', () => {
  it('gives the same wall time at two places each place’s offset, however often it is asked', () => {
    const local = '2024-07-01T12:00:00';
    for (let round = 0; round < 3; round++) {
      assert.equal(eventTime({ local, location: { region: 'CA', country: 'US' } })?.at, '2024-07-01T12:00:00-07:00');
      assert.equal(eventTime({ local, location: { region: 'NY', country: 'US' } })?.at, '2024-07-01T12:00:00-04:00');
      assert.equal(
        eventTime({ local, offset: '+02:00', location: { region: 'NY', country: 'US' } })?.at,
        '2024-07-01T12:00:00+02:00',
      );
      assert.equal(eventTime({ local })?.timeSource, 'utc');
      assert.equal(eventTime({ local: `${local}x` }), undefined);
      // Too long to be remembered: read each time, to the same answer.
      const padded = `${' '.repeat(150)}${local}`;
      assert.equal(
        eventTime({ local: padded, location: { region: 'CA', country: 'US' } })?.at,
        '2024-07-01T12:00:00-07:00',
      );
    }
  });

  it('answers each caller with a time of its own, so changing one changes no other', () => {
    const input = { local: '2024-03-02T07:53:47', location: { city: 'Leipzig', country: 'DE' } };
    const first = eventTime(input)!;
    first.at = 'changed';
    assert.deepEqual(eventTime(input), { at: '2024-03-02T07:53:47+01:00', timeSource: 'inferred' });
  });
});

describe('zoneForPlace', () => {
  it('finds the zone of a US state even when the country is missing', () => {
    assert.equal(zoneForPlace({ city: 'Clovis', region: 'CA' }), 'America/Los_Angeles');
  });

  it('prefers the zone the place carries', () => {
    assert.equal(zoneForPlace({ country: 'US', timeZone: 'America/Denver' }), 'America/Denver');
  });

  it('uses the region in a country with several zones', () => {
    assert.equal(zoneForPlace({ country: 'BR', region: 'AM' }), 'America/Manaus');
    assert.equal(zoneForPlace({ country: 'AU', region: 'WA' }), 'Australia/Perth');
  });

  it('knows nothing of a place without a country or a known region', () => {
    assert.equal(zoneForPlace({ city: 'Somewhere' }), undefined);
  });
});

describe('eventTime with times of different precision', () => {
  it('rounds the offset from a local time to the minute and a UTC time to the second (USPS)', () => {
    assert.deepEqual(eventTime({ local: '2024-11-22T13:58:00', utc: '2024-11-22T18:58:40Z' }), {
      at: '2024-11-22T13:58:00-05:00',
      timeSource: 'carrier',
    });
  });

  it('reads a one-digit hour offset', () => {
    assert.equal(eventTime({ local: '2024-11-22T13:58:00', offset: '-7:00' })?.at, '2024-11-22T13:58:00-07:00');
  });

  it('ignores a UTC time that does not belong to the local one', () => {
    assert.equal(eventTime({ local: '2024-11-22T13:58:00', utc: '2024-11-22T19:20:00Z' })?.timeSource, 'utc');
  });
});

describe('eventTime gives only instants the model accepts', () => {
  it('rewrites +0500 and a space before the time as ISO 8601', () => {
    assert.equal(eventTime({ local: '2024-04-26 07:50:00+0500' })?.at, '2024-04-26T07:50:00+05:00');
    assert.equal(eventTime({ local: '2024-04-26T07:50:00z' })?.at, '2024-04-26T07:50:00Z');
  });

  it('refuses hour 24', () => {
    assert.equal(eventTime({ local: '2024-04-26T24:00:00' }), undefined);
  });

  it('produces times that parseShipment accepts, for any offset a carrier writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('Z', '+05:00', '+0530', '-7:00', '-0800', ''),
        (hour, offset) => {
          const time = eventTime({ local: `2024-04-26 ${String(hour).padStart(2, '0')}:15:00${offset}` });
          assert.ok(time);
          assert.match(time.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/);
        },
      ),
    );
  });
});
