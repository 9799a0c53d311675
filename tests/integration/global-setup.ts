// Integration tests need a real PostgreSQL server for the storage suite and a real RabbitMQ broker for the LRM link.
// When none is given (SAS_TEST_PG_URL, SAS_TEST_AMQP_URL), throw-away ones are started here with Debian's packages
// (scripts/start-test-postgres.sh, scripts/start-test-rabbitmq.sh) and stopped at the end, so `npm test` runs every
// test on a developer's machine too. Without them installed, the suites that need them fail and say how to install
// them: they are never skipped.
import { execFileSync } from 'node:child_process';

interface TestServer {
  script: string;
  url: string;
  data: string;
}

const SERVERS: readonly TestServer[] = [
  { script: 'scripts/start-test-postgres.sh', url: 'SAS_TEST_PG_URL', data: 'SAS_TEST_PG_DATA' },
  { script: 'scripts/start-test-rabbitmq.sh', url: 'SAS_TEST_AMQP_URL', data: 'SAS_TEST_AMQP_DATA' },
];

const started: { script: string; dir: string }[] = [];

function start(server: TestServer): void {
  if (process.env[server.url]) return;
  let output: string;
  try {
    output = execFileSync('bash', [server.script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch {
    // Left unset: the suite then fails with its own message naming the fix.
    return;
  }
  for (const line of output.split('\n')) {
    const match = /^(?:export )?([A-Z_]+)=['"]?([^'"]+)['"]?$/u.exec(line.trim());
    if (match?.[1] && match[2] && (match[1] === server.url || match[1] === server.data))
      process.env[match[1]] = match[2];
  }
  const dir = process.env[server.data];
  if (dir) started.push({ script: server.script, dir });
}

/** Starts the servers whose URL variable is unset (only those named, when given). */
export function startTestServers(only?: readonly string[]): void {
  for (const server of SERVERS) if (!only || only.includes(server.url)) start(server);
}

export function stopTestServers(): void {
  for (const { script, dir } of started.splice(0)) {
    try {
      execFileSync('bash', [script, 'stop', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      /* the temporary folder is left for inspection */
    }
  }
}

export const setup = (): void => startTestServers();
export const teardown = stopTestServers;
