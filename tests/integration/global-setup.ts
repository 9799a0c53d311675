// Integration tests need a real PostgreSQL server for the storage suite. When none is given (SAS_TEST_PG_URL), a
// throw-away one is started here with Debian's PostgreSQL (scripts/start-test-postgres.sh) and stopped at the end,
// so `npm test` runs every test on a developer's machine too. Without PostgreSQL installed, the suite fails and says
// how to install it: it is never skipped.
import { execFileSync } from 'node:child_process';

let startedDir: string | undefined;

export function setup(): void {
  if (process.env.SAS_TEST_PG_URL) return;
  let output: string;
  try {
    output = execFileSync('bash', ['scripts/start-test-postgres.sh'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch {
    // Left unset: the storage suite then fails with its own message naming the fix.
    return;
  }
  for (const line of output.split('\n')) {
    const match = /^(?:export )?(SAS_TEST_PG_URL|SAS_TEST_PG_DATA)=['"]?([^'"]+)['"]?$/u.exec(line.trim());
    if (match?.[1] && match[2]) process.env[match[1]] = match[2];
  }
  startedDir = process.env.SAS_TEST_PG_DATA;
}

export function teardown(): void {
  if (!startedDir) return;
  try {
    execFileSync('bash', ['scripts/start-test-postgres.sh', 'stop', startedDir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    /* the temporary folder is left for inspection */
  }
}
