// The backend as it is deployed: `npm run build:backend` bundles it into dist/backend/server.js, and plain `node`
// runs that file with a configuration file, against a fresh PostgreSQL database, secrets from the environment.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = join(root, 'dist/backend/server.js');
const metricsToken = randomBytes(24).toString('base64url');

let child: ChildProcess | undefined;
let dir: string;
let pgData: string | undefined;
let databaseUrl: string;
let origin: string;
let stderr = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throw-away PostgreSQL server of its own (scripts/start-test-postgres.sh): nothing in it but what the bundle creates. */
function startFreshPostgres(): { url: string; data: string } {
  const output = execFileSync('bash', [join(root, 'scripts/start-test-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const value = (name: string) => new RegExp(`${name}=['"]?([^'"\\n]+)`, 'u').exec(output)?.[1];
  const url = value('SAS_TEST_PG_URL');
  const data = value('SAS_TEST_PG_DATA');
  if (!url || !data) throw new Error(`PostgreSQL de test non démarré : ${output}`);
  return { url, data };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, url: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build:backend'], { cwd: root, stdio: 'ignore' });
  const fresh = startFreshPostgres();
  pgData = fresh.data;
  databaseUrl = fresh.url;

  dir = await mkdtemp(join(tmpdir(), 'sas-deploy-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // No database URL, client secret or metrics token in the file: they come from the environment.
  await writeFile(
    join(dir, 'backend.json'),
    JSON.stringify({
      host: '127.0.0.1',
      port,
      storage: { driver: 'postgres' },
      careOffer: join(root, 'resources/training/care-offer.json'),
      identity: {
        issuer: `${origin}/oidc`,
        psc: { environment: 'sandbox', clientId: 'sas-deploy-test' },
      },
      observability: { metrics: { allowAddresses: [] } },
    }),
  );
  child = spawn(process.execPath, [bundle, '--config', 'backend.json'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      SAS_DATABASE_URL: databaseUrl,
      SAS_PSC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      SAS_METRICS_TOKEN: metricsToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`démarrage trop long :\n${stderr}`)), 45_000);
    let stdout = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes(`Serveur SAS : ${origin}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child?.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`le serveur s’est arrêté (code ${code}) :\n${stderr}`));
    });
  });
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  if (pgData) execFileSync('bash', [join(root, 'scripts/start-test-postgres.sh'), 'stop', pgData], { stdio: 'ignore' });
});

describe('the built backend bundle', () => {
  it('imports nothing at run time but node built-ins and runtime dependencies', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const text = await readFile(bundle, 'utf8');
    const specifiers = [...text.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gmu)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(3);
    const packages = specifiers
      .filter((s) => !s.startsWith('node:') && !s.startsWith('.'))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.filter((name) => !(name in manifest.dependencies))).toEqual([]);
    expect(text).not.toMatch(/from ['"](tsx|vite|vitest)['"]/u);
  });

  it('serves /health (and /ready when the backend has it) on the fresh database, migrated at start', async () => {
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/u);
    const ready = await fetch(`${origin}/ready`);
    if (ready.status !== 404) expect(ready.status).toBe(200);
    const tables = await admin(
      (client) =>
        client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"),
      databaseUrl,
    );
    expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });

  it('writes JSON log lines (pino) and serves /metrics only with the token from the environment', async () => {
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    const metrics = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/u);
    expect(await metrics.text()).toMatch(/^sas_circuit_breaker_open\{publisher="[^"]+"\} 0$/mu);
    const lines = stderr.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(JSON.parse(line)).toMatchObject({ service: 'sas-backend', level: expect.any(String) });
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
