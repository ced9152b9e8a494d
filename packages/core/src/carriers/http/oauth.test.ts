import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTTPError } from 'ky';
import { createTokenSource, withToken } from './oauth.js';

function http401(): HTTPError {
  const request = new Request('http://127.0.0.1/api');
  return new HTTPError(new Response('{}', { status: 401 }), request, {} as never);
}

describe('createTokenSource', () => {
  it('reuses a token until a minute before it expires', async () => {
    let clock = 0;
    let issued = 0;
    const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }), {
      now: () => new Date(clock),
    });
    assert.equal(await tokens.get(), 't1');
    clock = 3_539_000;
    assert.equal(await tokens.get(), 't1');
    clock = 3_541_000;
    assert.equal(await tokens.get(), 't2');
  });

  it('asks for one token when many requests need one at once', async () => {
    let issued = 0;
    const tokens = createTokenSource(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { accessToken: `t${++issued}`, expiresIn: 3600 };
    });
    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    assert.deepEqual(all, ['t1', 't1', 't1']);
    assert.equal(issued, 1);
  });

  it('tries again after a failed token request instead of keeping the failure', async () => {
    let calls = 0;
    const tokens = createTokenSource(async () => {
      calls++;
      if (calls === 1) throw new Error('network');
      return { accessToken: 'ok', expiresIn: 3600 };
    });
    await assert.rejects(tokens.get(), /network/);
    assert.equal(await tokens.get(), 'ok');
  });
});

describe('withToken', () => {
  it('gets a new token and retries exactly once after a 401', async () => {
    let issued = 0;
    const tokens = createTokenSource(async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }));
    const seen: string[] = [];
    await assert.rejects(
      withToken(tokens, async (token) => {
        seen.push(token);
        throw http401();
      }),
      HTTPError,
    );
    assert.deepEqual(seen, ['t1', 't2']);
  });

  it('does not retry other failures', async () => {
    const tokens = createTokenSource(async () => ({ accessToken: 't', expiresIn: 3600 }));
    let calls = 0;
    await assert.rejects(
      withToken(tokens, async () => {
        calls++;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(calls, 1);
  });
});

describe('createTokenSource and aborts', () => {
  it('lets one caller give up without failing the others waiting for the same token', async () => {
    const tokens = createTokenSource(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { accessToken: 'shared', expiresIn: 3600 };
    });
    const quitter = new AbortController();
    const first = tokens.get(quitter.signal);
    const second = tokens.get();
    quitter.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.equal(await second, 'shared');
  });
});
