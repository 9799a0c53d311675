import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCheckLaunch } from '../../../cli/check-launch';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VALID =
  'https://sas.sante.fr/sas/recherche?origin=TEST-SAMU000&practitioner=urn%3Aoid%3A1.2.250.1.71.4.2.1%7C810101010101' +
  '&specialty=urn%3Aoid%3A1.2.250.1.213.2.28%7CSM54&streetname=12%20rue%20de%20la%20Paix&city=Paris';

describe('runCheckLaunch', () => {
  it('exits 0 with the launch request and its warnings for a valid URL', async () => {
    const outcome = await runCheckLaunch(['sas-console://recherche?inseecode=75111&foo=1']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output).toMatchObject({
      ok: true,
      request: { via: 'console-scheme', location: { inseeCode: '75056', arrondissementInseeCode: '75111' } },
    });
    const warnings = (outcome.output as { warnings: { code: string }[] }).warnings.map((w) => w.code);
    expect(warnings).toEqual(['unknown-parameter', 'missing-origin', 'missing-practitioner']);
  });

  it('reads several arguments as an argv (Windows flags before the URL)', async () => {
    const outcome = await runCheckLaunch(['C:\\SAS Console.exe', '--allow-file-access-from-files', VALID]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output).toMatchObject({ ok: true, request: { via: 'platform-url', origin: 'TEST-SAMU000' } });
  });

  it('exits 1 with the French errors for an invalid URL', async () => {
    const outcome = await runCheckLaunch(['sas-console://recherche?streetnumber=12']);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toMatchObject({
      ok: false,
      errors: [
        { code: 'missing-location', message: expect.stringContaining('Localisation du patient absente') },
        { code: 'street-number-without-street-name', parameter: 'streetnumber', message: expect.stringMatching(/^Paramètre « streetnumber »/) },
      ],
    });
  });

  it('exits 1 for an argv without any launch URL', async () => {
    const outcome = await runCheckLaunch(['C:\\SAS Console.exe', '--allow-file-access-from-files']);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toMatchObject({ ok: false, errors: [{ code: 'no-launch-url' }] });
  });

  it('exits 2 with the usage when given nothing', async () => {
    const outcome = await runCheckLaunch([]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toMatchObject({ error: expect.stringContaining('check-launch attend'), usage: expect.any(Array) });
  });
});

/** Runs the real entry point from the repo root; exit code, stdout and stderr whatever the outcome. */
async function checkLaunchProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/sas-check.ts', 'check-launch', ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('check-launch as a real process', () => {
  it('prints the JSON request and exits 0 for the ANS simulator URL', async () => {
    const { code, stdout, stderr } = await checkLaunchProcess(VALID);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      request: {
        via: 'platform-url',
        origin: 'TEST-SAMU000',
        gp: { kind: 'national-id', nationalId: '810101010101' },
        specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' } },
        location: { city: 'Paris', streetName: '12 rue de la Paix' },
      },
      warnings: [],
    });
  });

  it('prints the JSON errors and exits 1 for an invalid URL', async () => {
    const { code, stdout, stderr } = await checkLaunchProcess('https://evil.example/sas/recherche?city=Agen');
    expect(code, stderr).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, errors: [{ code: 'launch-host-not-allowed' }] });
  });
});
