import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { createdTracker, eventBody } from './fixtures.js';
import { notMatched, quickCheck } from './quick-check.js';
import { TrackerSchema } from './schema.js';

/** What zod answers: its copy, or `notMatched` when it finds an issue. */
function byZod(schema: z.ZodMiniType, value: unknown): unknown {
  const result = schema.safeParse(value);
  return result.success ? result.data : notMatched;
}

// Values shaped like a Tracker, with any field (at any depth) replaced now and then by something else.
const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.constant([]),
  fc.constant({}),
);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null), fc.constant(undefined), anything);
const location = fc.oneof(
  fc.record({ city: text, state: text, country: text, zip: text, object: text }, { requiredKeys: [] }),
  anything,
);
const detail = fc.oneof(
  fc.record(
    {
      message: text,
      description: text,
      status: text,
      status_detail: text,
      datetime: text,
      tracking_location: location,
      source: text,
    },
    { requiredKeys: [] },
  ),
  anything,
);
const tracker = fc.record(
  {
    id: text,
    object: text,
    tracking_code: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('  '), anything),
    status: text,
    status_detail: text,
    est_delivery_date: text,
    carrier: text,
    public_url: text,
    tracking_details: fc.oneof(fc.array(detail, { maxLength: 4 }), anything),
    carrier_detail: fc.oneof(
      fc.record(
        {
          service: text,
          est_delivery_date_local: text,
          origin_tracking_location: location,
          destination_tracking_location: location,
        },
        { requiredKeys: [] },
      ),
      anything,
    ),
  },
  { requiredKeys: [] },
);

describe('quickCheck', () => {
  it('answers what zod answers for any Tracker-like value: the same copy, or no match where zod finds an issue', () => {
    const check = quickCheck(TrackerSchema);
    fc.assert(
      fc.property(fc.oneof(tracker, anything), (value) => {
        assert.deepStrictEqual(check(value), byZod(TrackerSchema, value));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives EasyPost’s documented trackers the copy zod gives, unknown fields left out', () => {
    const check = quickCheck(TrackerSchema);
    for (const value of [createdTracker, (JSON.parse(eventBody) as { result: unknown }).result]) {
      const copy = check(value);
      assert.notEqual(copy, notMatched);
      assert.deepStrictEqual(copy, byZod(TrackerSchema, value));
      assert.equal('mode' in (value as object), true);
      assert.equal('mode' in (copy as object), false);
    }
  });

  it('hands the parts it does not check itself to zod: checks, transforms, unknown fields kept', () => {
    const schema = z.object({
      code: z.string().check(z.trim(), z.minLength(1)),
      count: z.optional(z.number()),
      rest: z.looseObject({ a: z.string() }),
    });
    const check = quickCheck(schema);
    const value = { code: '  x ', count: 2, rest: { a: 'a', b: 1 }, extra: true };
    assert.deepStrictEqual(check(value), { code: 'x', count: 2, rest: { a: 'a', b: 1 } });
    assert.equal(check({ ...value, code: '   ' }), notMatched);
    assert.equal(check({ ...value, count: '2' }), notMatched);
  });
});
