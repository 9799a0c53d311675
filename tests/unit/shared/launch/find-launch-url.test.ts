import { describe, expect, it } from 'vitest';
import { findLaunchUrl, isPlatformHost, looksLikeLaunchUrl } from '@shared/launch/launch-url';

const LAUNCH = 'sas-console://recherche?origin=TEST-SAMU000&city=Agen';
const EXE = 'C:\\Program Files\\SAS Console\\SAS Console.exe';

describe('findLaunchUrl', () => {
  it.each([
    [
      'Windows second instance',
      [EXE, '--allow-file-access-from-files', '--original-process-start-time=13379246574000000', LAUNCH],
      LAUNCH,
    ],
    [
      'platform URL',
      ['/usr/bin/sas-console', 'https://sas.sante.fr/sas/recherche?city=Agen'],
      'https://sas.sante.fr/sas/recherche?city=Agen',
    ],
    ['the last of two', [EXE, 'sas-console://recherche?city=Nerac', LAUNCH], LAUNCH],
    ['trimmed', [EXE, `  ${LAUNCH} `], LAUNCH],
    ['scheme in upper case', [EXE, 'SAS-CONSOLE:recherche?city=Agen'], 'SAS-CONSOLE:recherche?city=Agen'],
    [
      'look-alike host kept, to be refused by name',
      [EXE, 'https://sas.sante.fr.evil.example/x'],
      'https://sas.sante.fr.evil.example/x',
    ],
    [
      'look-alike path kept, to be refused by name',
      [EXE, 'https://evil.example/sas/recherche?x'],
      'https://evil.example/sas/recherche?x',
    ],
    ['an unrelated URL after the launch is skipped', [EXE, LAUNCH, 'https://example.org/?q=sas.sante.fr'], LAUNCH],
    ['a flag carrying a URL is not a launch', [EXE, LAUNCH, '--proxy-pac-url=https://sas.sante.fr/proxy.pac'], LAUNCH],
    ['no launch URL', [EXE, '--allow-file-access-from-files', '.'], undefined],
    ['empty argv', [], undefined],
  ] as const)('%s', (_name, argv, expected) => {
    expect(findLaunchUrl(argv)).toBe(expected);
  });

  it('skips entries that are not strings (untrusted IPC payloads)', () => {
    const argv = [EXE, LAUNCH, 42, null, { url: LAUNCH }] as unknown as readonly string[];
    expect(findLaunchUrl(argv)).toBe(LAUNCH);
    expect(findLaunchUrl('not an array' as unknown as readonly string[])).toBeUndefined();
  });
});

describe('looksLikeLaunchUrl', () => {
  it.each([
    ['sas-console:recherche', true],
    ['  https://pre-prod.sas.sante.fr/sas/recherche', true],
    ['http://sas.sante.fr/sas/recherche', true],
    ['https://example.org/search?host=sas.sante.fr', false],
    ['C:\\sas.sante.fr\\console.exe', false],
    ['--original-process-start-time=13379246574000000', false],
  ] as const)('%s → %s', (arg, expected) => {
    expect(looksLikeLaunchUrl(arg)).toBe(expected);
  });
});

describe('isPlatformHost', () => {
  it.each([
    ['sas.sante.fr', true],
    ['SAS.Sante.FR', true],
    ['sas.sante.fr.', true],
    ['pre-prod.sas.sante.fr', true],
    ['a.b.sas.sante.fr', true],
    ['fakesas.sante.fr', false],
    ['sas.sante.fr.evil.example', false],
    ['sas.sante.fr%2eevil', false],
    ['xn--sas.sante.fr\\evil', false],
    ['', false],
  ] as const)('%s → %s', (host, expected) => {
    expect(isPlatformHost(host)).toBe(expected);
  });
});
