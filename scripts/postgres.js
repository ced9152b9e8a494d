// A throwaway PostgreSQL cluster for the test run: initdb into a temporary folder, a server on a free
// port of 127.0.0.1 (its unix socket in that folder too), fsync off, deleted again by `stop()`.
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
//
//   node scripts/postgres.js      starts one and prints its URL; Ctrl-C stops and deletes it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const howToGet =
  'install PostgreSQL (Debian/Ubuntu: `apt-get install postgresql`) or point TRACKLINE_TEST_POSTGRES_URL at a server ' +
  'whose user may create databases (e.g. postgres://postgres@127.0.0.1:5432/postgres)';

/** The folder with initdb, pg_ctl and postgres, or undefined when PostgreSQL is not installed. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.TRACKLINE_POSTGRES_BIN) candidates.push(process.env.TRACKLINE_POSTGRES_BIN);
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // Not Debian's layout.
  }
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
  } catch {
    // No pg_config on the PATH.
  }
  return candidates.find((dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster. Resolves `{ url, stop }`, or `{ skip }` with a reason (and how to fix it) when
 * PostgreSQL is not installed.
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) return { skip: `PostgreSQL is not installed here: ${howToGet}.` };

  const asRoot = process.getuid?.() === 0;
  // As root, run the PostgreSQL tools as the `postgres` user (which Debian's package creates).
  const as = (command, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
  const run = (command, args) => {
    const [file, argv] = as(join(bin, command), args);
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `${command} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`.trim(),
      );
    }
  };

  const dir = mkdtempSync(join(tmpdir(), 'trackline-pg-'));
  const data = join(dir, 'data');
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-F', // fsync off: a throwaway cluster needs no durability, and starts and writes much faster
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', join(dir, 'server.log'), '-o', options]);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } catch (error) {
        console.error(`Could not stop the test PostgreSQL cleanly: ${error.message}`);
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(join(dir, 'server.log'), 'utf8');
    } catch {
      // The server never got as far as writing a log.
    }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start a test PostgreSQL from ${bin}: ${error.message}${log ? `\n${log}` : ''}`, {
      cause: error,
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startPostgres();
  if (cluster.skip) {
    console.error(cluster.skip);
    process.exit(1);
  }
  console.log(cluster.url);
  const end = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
  setInterval(() => {}, 1 << 30);
}
