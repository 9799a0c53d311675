import { describe, expect, it } from 'vitest';
import type { LaunchIssue } from '@shared/domain/launch';
import { LAUNCH_ERROR_CODES, LAUNCH_ISSUE_CODES, LAUNCH_WARNING_CODES } from '@shared/launch/codes';
import { isNoLaunch, parseLaunch } from '@shared/launch/parse-launch';
import { LAUNCH_CASES, launchUrl } from '@tests/unit/shared/launch/launch-cases';

const compact = (issue: LaunchIssue): string =>
  issue.parameter === undefined ? issue.code : `${issue.code}@${issue.parameter}`;

describe('parseLaunch: table of cases', () => {
  it('has at least 40 cases', () => {
    expect(LAUNCH_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(LAUNCH_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = parseLaunch(c.input, c.options);
    if (c.request) {
      expect(result).toEqual({ ok: true, request: c.request, warnings: expect.any(Array) });
    } else {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.map(compact)).toEqual(c.errors);
    }
    expect(result.warnings.map(compact)).toEqual(c.warnings ?? []);
  });

  it('reaches every issue code in the exported list', () => {
    const seen = new Set<string>();
    for (const c of LAUNCH_CASES) {
      const result = parseLaunch(c.input, c.options);
      for (const issue of [...(result.ok ? [] : result.errors), ...result.warnings]) seen.add(issue.code);
    }
    const missing = LAUNCH_ISSUE_CODES.filter((code) => !seen.has(code));
    expect(missing).toEqual([]);
  });

  it('classifies every error and warning under the right list', () => {
    for (const c of LAUNCH_CASES) {
      const result = parseLaunch(c.input, c.options);
      if (!result.ok) for (const e of result.errors) expect(LAUNCH_ERROR_CODES).toContain(e.code);
      for (const w of result.warnings) expect(LAUNCH_WARNING_CODES).toContain(w.code);
    }
  });
});

describe('parseLaunch: messages', () => {
  it('names the parameter in French, as « Paramètre « x » : … »', () => {
    const result = parseLaunch(launchUrl({ city: 'Agen', streetname: 'rue Paul Vidal', streetnumber: '12-14' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^Paramètre « streetnumber » : numéro de voie invalide/);
  });

  it('uses the platform wording for a disabled LRM flow', () => {
    const result = parseLaunch(launchUrl({ city: 'Agen' }), { knownOrigins: [] });
    expect(result.ok ? '' : result.errors[0]?.message).toContain(
      'le flux entre le logiciel de régulation médicale « TEST-SAMU000 » et la console SAS est désactivé',
    );
  });

  it('uses the platform wording for a GP that cannot be identified, and for a missing one', () => {
    const bad = parseLaunch(launchUrl({ practitioner: 'urn:oid:1.2.3|4', city: 'Agen' }));
    expect(bad.ok).toBe(true);
    expect(bad.warnings[0]?.message).toContain("le médecin traitant n'a pas pu être identifié");
    const missing = parseLaunch(launchUrl({ practitioner: null, city: 'Agen' }));
    expect(missing.warnings[0]?.message).toContain("le médecin traitant n'a pas été renseigné");
  });

  it('names a refused URL by its scheme only (host and path only when they are the platform’s), never its query', () => {
    const result = parseLaunch('https://evil.example/sas/recherche?streetname=12+rue+Secr%C3%A8te&city=Agen');
    const message = result.ok ? '' : (result.errors[0]?.message ?? '');
    expect(message).toContain('« https://…/… »');
    const wrongPage = parseLaunch('https://sas.sante.fr/sas/autre?city=Agen');
    expect(wrongPage.ok ? '' : wrongPage.errors[0]?.message).toContain('« https://sas.sante.fr/… »');
    expect(message).not.toContain('Secr');
    expect(message).not.toContain('Agen');
  });

  it('does not repeat a hostile or unreadable parameter name (it may hold the patient’s address)', () => {
    const name = `\u202E${'x'.repeat(100)}`;
    const result = parseLaunch(`${launchUrl({ city: 'Agen' })}&${name}=1`);
    const warning = result.warnings.find((w) => w.code === 'unknown-parameter');
    expect(warning?.parameter).toBe('#4');
    expect(warning?.message).toBe(
      "Paramètre inconnu « #4 » (le 4e de l'URL) : ignoré. Son nom n'est pas repris : il pourrait contenir des données du patient.",
    );
    expect(warning?.message).not.toContain('xxx');
  });
});

describe('parseLaunch: a refused launch', () => {
  it('still names the LRM that sent it when its origin is well formed', () => {
    const refused = parseLaunch(launchUrl({ origin: 'TEST-SAMU009', specialty: 'SM54' }));
    expect(refused).toMatchObject({ ok: false, origin: 'TEST-SAMU009' });
  });

  it('names no LRM when the origin itself is refused or absent', () => {
    const unknown = parseLaunch(launchUrl({ origin: 'TEST-SAMU009' }), { knownOrigins: ['TEST-SAMU000'] });
    expect(unknown.ok).toBe(false);
    expect(unknown).not.toHaveProperty('origin');
    const anonymous = parseLaunch(launchUrl({ origin: null, specialty: 'SM54' }));
    expect(anonymous.ok).toBe(false);
    expect(anonymous).not.toHaveProperty('origin');
  });
});

describe('isNoLaunch', () => {
  it('is true only for an argv without any launch URL', () => {
    expect(isNoLaunch(parseLaunch(['C:\\SAS Console.exe', '--allow-file-access-from-files']))).toBe(true);
    expect(isNoLaunch(parseLaunch(['C:\\SAS Console.exe', launchUrl({ city: 'Agen' })]))).toBe(false);
    expect(isNoLaunch(parseLaunch(['C:\\SAS Console.exe', launchUrl({})]))).toBe(false);
  });
});
