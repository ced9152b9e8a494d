import { randomBytes } from 'node:crypto';

// Test support (not part of the package's API): a new, empty PostgreSQL database per test, on the
// server `scripts/test-node.js` starts (or the one TRACKLINE_TEST_POSTGRES_URL names).

/** Why PostgreSQL tests cannot run here, and how to make them; undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.TRACKLINE_TEST_POSTGRES_URL) return undefined;
  return (
    process.env.TRACKLINE_TEST_POSTGRES_UNAVAILABLE ??
    'TRACKLINE_TEST_POSTGRES_URL is not set. Run the tests through `node scripts/test-node.js`, which starts a ' +
      'throwaway PostgreSQL when one is installed (`apt-get install postgresql`), or set TRACKLINE_TEST_POSTGRES_URL ' +
      'to a server whose user may create databases.'
  );
}

/**
 * The `skip` option for a PostgreSQL suite: the reason when PostgreSQL is missing, except under
 * TRACKLINE_REQUIRE_POSTGRES=1 (CI), where the tests run and fail instead of being skipped.
 */
export function postgresSkip(): string | undefined {
  const reason = postgresUnavailable();
  if (reason && process.env.TRACKLINE_REQUIRE_POSTGRES === '1') return undefined;
  if (reason) console.log(`# PostgreSQL tests skipped: ${reason}`);
  return reason;
}

export interface TestDatabase {
  url: string;
  /** Drops the database (closing any connection still open to it). */
  drop(): Promise<void>;
}

/** Creates a new, empty database on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.TRACKLINE_TEST_POSTGRES_URL;
  if (!admin) {
    throw new Error(`No PostgreSQL for this test (TRACKLINE_REQUIRE_POSTGRES=1): ${postgresUnavailable()}`);
  }
  const { default: pg } = await import('pg');
  const name = `trackline_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
