// Every tracking number the docs hand to `tracker.track()` or `detectCarrier()` must be one that works as written.
// check-snippets.js type-checks the snippets but never runs them, and a number with a wrong check digit
// type-checks fine: `tracker.track('1234567890')` compiles, then fails with invalid_number for the reader who
// copies it. Inline code counts too (`With a test key: \`tracker.track('EZ4000000004')\``), so this reads the
// whole text of each page, not only its fenced blocks.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as core from '@trackline/core';

const root = new URL('..', import.meta.url).pathname;

/** The pages check-snippets.js reads: the README, everything under docs/ and each package's README. */
function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(root, 'docs', file));
  const packages = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md'));
  return [join(root, 'README.md'), ...docs, ...packages].filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });
}

interface NumberCall {
  line: number;
  /** The call as written, for the message. */
  text: string;
  number: string;
  /** `detectCarrier`, or what `.track` is called on (`tracker`, `shippo({ apiKey })`). */
  callee: string;
  /** The carrier the call names in its options, if it names one. */
  carrier?: string;
}

// `x.track('…')` or `x.track('…', { carrier: 'ups' })`, where x may be a call (`shippo({ apiKey }).track(…)`).
const trackCall = /([\w$]+(?:\([^()]*\))?)\.track\(\s*(['"`])([^'"`]*)\2\s*(?:,\s*(\{[^{}]*\}))?\s*\)/g;
const detectCall = /\bdetectCarrier\(\s*(['"`])([^'"`]*)\1\s*\)/g;

function numberCalls(text: string): NumberCall[] {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const calls: NumberCall[] = [];
  for (const match of text.matchAll(trackCall)) {
    const carrier = /\bcarrier:\s*(['"`])([^'"`]*)\1/.exec(match[4] ?? '')?.[2];
    calls.push({
      line: lineOf(match.index),
      text: match[0],
      number: match[3]!,
      callee: match[1]!,
      ...(carrier === undefined ? {} : { carrier }),
    });
  }
  for (const match of text.matchAll(detectCall)) {
    calls.push({ line: lineOf(match.index), text: match[0], number: match[2]!, callee: 'detectCarrier' });
  }
  return calls.sort((a, b) => a.line - b.line);
}

// An adapter's own track() (`shippo({ apiKey }).track('SHIPPO_DELIVERED')`) does not go through the tracker's
// detection: the adapter knows its own test numbers.
const adapterFactories = new Set<string>(
  [...core.carrierIds, ...Object.values(core.Aggregator)].filter(
    (name) => typeof (core as Record<string, unknown>)[name] === 'function',
  ),
);

/** Why the call fails as written, or undefined when it works. */
function problem(call: NumberCall): string | undefined {
  if (call.carrier !== undefined) {
    return (core.carrierIds as readonly string[]).includes(call.carrier)
      ? undefined
      : `{ carrier: '${call.carrier}' } is not a carrier id (${core.carrierIds.join(', ')})`;
  }
  const factory = /^([\w$]+)\(/.exec(call.callee)?.[1];
  if (call.callee !== 'detectCarrier' && factory !== undefined && adapterFactories.has(factory)) return undefined;
  if (core.detectCarrier(call.number).length > 0) return undefined;
  const outcome = call.callee === 'detectCarrier' ? 'it returns []' : 'the tracker refuses it as invalid_number';
  return (
    `detectCarrier does not recognise "${call.number}", so ${outcome}: use a number with a valid check digit ` +
    '(the sandbox parcels have them: GET /_sandbox/parcels) or pass { carrier }'
  );
}

describe('the tracking numbers in the docs', () => {
  const pages = markdownFiles().map((file) => ({
    name: relative(root, file),
    calls: numberCalls(readFileSync(file, 'utf8')),
  }));

  it('finds the calls it checks, in fenced code and inline code alike', () => {
    const all = pages.flatMap((page) => page.calls.map((call) => ({ ...call, page: page.name })));
    assert.ok(
      all.some((call) => call.page === 'README.md' && call.callee === 'tracker'),
      'README.md tracker.track()',
    );
    assert.ok(
      all.some((call) => call.callee === 'detectCarrier'),
      'a detectCarrier() call',
    );
    assert.ok(
      all.some((call) => call.carrier !== undefined),
      'a track() call that names its carrier',
    );
    // The EasyPost test-key sentence is inline code, not a fenced block.
    assert.ok(
      all.some((call) => call.page === 'docs/carriers.md' && call.number.startsWith('EZ')),
      'the EasyPost test number in docs/carriers.md',
    );
  });

  for (const page of pages.filter((p) => p.calls.length > 0)) {
    it(`${page.name}: every number given to track() or detectCarrier() works as written`, () => {
      const failures = page.calls.flatMap((call) => {
        const reason = problem(call);
        return reason === undefined ? [] : [`${page.name}:${call.line}: ${call.text}: ${reason}`];
      });
      assert.deepEqual(failures, []);
    });
  }

  it('tells a number the tracker refuses from one it takes', () => {
    const call = (text: string) => numberCalls(text)[0]!;
    assert.match(problem(call(`tracker.track('1234567890')`)) ?? '', /does not recognise "1234567890"/);
    assert.match(problem(call(`detectCarrier('EZ4000000004')`)) ?? '', /it returns \[\]/);
    assert.equal(problem(call(`tracker.track('1234000003')`)), undefined);
    assert.equal(problem(call(`tracker.track('EZ4000000004', { carrier: 'usps' })`)), undefined);
    assert.match(problem(call(`tracker.track('EZ4000000004', { carrier: 'USPS' })`)) ?? '', /not a carrier id/);
    assert.equal(problem(call(`shippo({ apiKey }).track('SHIPPO_DELIVERED')`)), undefined);
  });
});
