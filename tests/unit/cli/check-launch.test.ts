import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCheckLaunch } from '@cli/check-launch';

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
        {
          code: 'street-number-without-street-name',
          parameter: 'streetnumber',
          message: expect.stringMatching(/^Paramètre « streetnumber »/),
        },
      ],
    });
  });

  it.each([
    ['urn:oid:1.2.250.1.71.4.2.1|810002909371', '810002909371', 'rpps'],
    ['urn:oid:1.2.250.1.71.4.2.1|0471234567', '0471234567', 'adeli'],
    ['urn:oid:1.2.250.1.71.4.2.1|3470000001/12', '3470000001/12', 'finess-local'],
    ['810002909371', '810002909371', 'rpps'],
    ['0471234567', '0471234567', 'adeli'],
    ['10002909371', '810002909371', 'rpps'],
    ['471234567', '0471234567', 'adeli'],
  ])('normalises the GP form %s to the IDNPS %s', async (practitioner, idnps, kind) => {
    const outcome = await runCheckLaunch([
      `sas-console://recherche?origin=S&practitioner=${encodeURIComponent(practitioner)}&city=Agen`,
    ]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output).toMatchObject({
      ok: true,
      request: { gp: { kind: 'national-id', nationalId: idnps } },
      practitioner: { idnps, kind },
    });
    expect((outcome.output as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it('keeps the launch of a GP value that is garbage, with a warning and no GP', async () => {
    const outcome = await runCheckLaunch([
      'sas-console://recherche?origin=S&practitioner=urn%3Aoid%3A9.9%7C42&city=Agen',
    ]);
    expect(outcome.exitCode).toBe(0);
    const output = outcome.output as {
      request: { gp?: unknown };
      warnings: { code: string }[];
      practitioner?: unknown;
    };
    expect(output.request.gp).toBeUndefined();
    expect(output.practitioner).toBeUndefined();
    expect(output.warnings.map((w) => w.code)).toEqual(['practitioner-not-identified']);
  });

  it('prints resolved: false with suggestions for a specialty nobody knows, and keeps the launch', async () => {
    const outcome = await runCheckLaunch(['sas-console://recherche?origin=S&specialty=cardiaque&inseecode=47001']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output).toMatchObject({
      ok: true,
      request: { location: { inseeCode: '47001' } },
      specialty: {
        resolved: false,
        text: 'cardiaque',
        suggestions: expect.arrayContaining([expect.objectContaining({ code: 'SM04' })]),
      },
    });
  });

  it('prints a set of codes for an ambiguous usual name', async () => {
    const outcome = await runCheckLaunch(['sas-console://recherche?origin=S&specialty=gyn%C3%A9co&city=Agen']);
    expect(outcome.output).toMatchObject({
      specialty: { resolved: true, codes: [{ code: 'SM19' }, { code: 'SM20' }] },
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
    expect(outcome.output).toMatchObject({
      error: expect.stringContaining('check-launch attend'),
      usage: expect.any(Array),
    });
  });
});

/** Runs the real entry point from the repo root; exit code, stdout and stderr whatever the outcome. */
async function checkLaunchProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/sas-check.ts', 'check-launch', ...args], {
      cwd: REPO_ROOT,
    });
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
      specialty: {
        resolved: true,
        codes: [{ system: 'TRE_R38', code: 'SM54', label: 'Médecine générale' }],
        matchedBy: 'code',
      },
      practitioner: { idnps: '810101010101', kind: 'rpps', urn: 'urn:oid:1.2.250.1.71.4.2.1|810101010101' },
    });
  });

  it('prints the free-text specialty resolved, and the normalised IDNPS of a bare RPPS', async () => {
    const { code, stdout, stderr } = await checkLaunchProcess(
      'sas-console://recherche?origin=TEST-SAMU000&practitioner=10002673899&specialty=m%C3%A9decin+g%C3%A9n%C3%A9raliste&inseecode=47001',
    );
    expect(code, stderr).toBe(0);
    const output = JSON.parse(stdout) as Record<string, unknown>;
    expect(output.specialty).toEqual({
      resolved: true,
      codes: [{ system: 'TRE_R38', code: 'SM54', label: 'Médecine générale' }],
      matchedBy: 'usual-name',
    });
    expect(output.practitioner).toEqual({
      idnps: '810002673899',
      kind: 'rpps',
      urn: 'urn:oid:1.2.250.1.71.4.2.1|810002673899',
    });
    expect(output.warnings).toEqual([expect.objectContaining({ code: 'rpps-check-digit', parameter: 'practitioner' })]);
  });

  it('prints the JSON errors and exits 1 for an invalid URL', async () => {
    const { code, stdout, stderr } = await checkLaunchProcess('https://evil.example/sas/recherche?city=Agen');
    expect(code, stderr).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, errors: [{ code: 'launch-host-not-allowed' }] });
  });
});
