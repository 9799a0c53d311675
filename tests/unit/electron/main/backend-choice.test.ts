import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backendUrlProblem, chooseBackend, environmentInfo } from '@main/backend-choice';
import { protocolClientRegistration } from '@main/protocol-client';

describe('backend choice', () => {
  it('empty everywhere: training', () => {
    expect(chooseBackend({ environmentUrl: undefined, settingsUrl: '' })).toEqual({ mode: 'training' });
    expect(chooseBackend({ environmentUrl: undefined, settingsUrl: '   ' })).toEqual({ mode: 'training' });
  });

  it('the settings name the backend unless SAS_BACKEND_URL is set; set but empty forces training', () => {
    expect(chooseBackend({ environmentUrl: undefined, settingsUrl: 'https://sas.example.fr' })).toEqual({
      mode: 'connected',
      backendUrl: 'https://sas.example.fr/',
    });
    expect(
      chooseBackend({ environmentUrl: 'https://preprod.sas.example.fr/', settingsUrl: 'https://sas.example.fr' }),
    ).toEqual({
      mode: 'connected',
      backendUrl: 'https://preprod.sas.example.fr/',
    });
    expect(chooseBackend({ environmentUrl: '', settingsUrl: 'https://sas.example.fr' })).toEqual({ mode: 'training' });
  });

  it('a damaged stored address is misconfigured, never training; the environment variable still wins', () => {
    const damaged = chooseBackend({ environmentUrl: undefined, settingsUrl: '', settingsUrlDamaged: true });
    expect(damaged).toMatchObject({
      mode: 'misconfigured',
      problem: expect.stringMatching(/^Console mal configurée\./u),
    });
    expect(chooseBackend({ environmentUrl: '', settingsUrl: '', settingsUrlDamaged: true })).toEqual({
      mode: 'training',
    });
  });

  it('keeps a path prefix and gives the base one trailing slash', () => {
    expect(chooseBackend({ environmentUrl: 'https://host/sas', settingsUrl: '' })).toEqual({
      mode: 'connected',
      backendUrl: 'https://host/sas/',
    });
  });

  it('https only, except on loopback; no credentials, query or fragment', () => {
    expect(chooseBackend({ environmentUrl: 'http://127.0.0.1:4000', settingsUrl: '' })).toMatchObject({
      mode: 'connected',
    });
    for (const [url, reason] of [
      ['http://sas.example.fr', /http:\/\/ n’est accepté que sur la machine/u],
      ['ftp://sas.example.fr', /https:\/\//u],
      ['javascript:alert(1)', /https:\/\//u],
      ['https://user:pw@sas.example.fr', /identifiant/u],
      ['https://sas.example.fr/?x=1', /« \? »/u],
      ['sas.example.fr', /pas une adresse web/u],
      [`https://sas.example.fr/${'a'.repeat(600)}`, /trop longue/u],
    ] as const) {
      const choice = chooseBackend({ environmentUrl: undefined, settingsUrl: url });
      expect(choice.mode, url).toBe('misconfigured');
      if (choice.mode === 'misconfigured') {
        expect(choice.problem).toMatch(
          /^Console mal configurée\. Adresse du serveur SAS invalide dans les paramètres : /u,
        );
        expect(choice.problem).toMatch(reason);
      }
    }
    const fromEnv = chooseBackend({ environmentUrl: 'http://sas.example.fr', settingsUrl: '' });
    expect(fromEnv).toMatchObject({
      mode: 'misconfigured',
      problem: expect.stringContaining('la variable SAS_BACKEND_URL'),
    });
  });

  it('property: any string gives a choice, never an exception, and only http(s) URLs connect', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.string(), (environmentUrl, settingsUrl) => {
        const choice = chooseBackend({ environmentUrl, settingsUrl });
        if (choice.mode === 'connected') {
          expect(choice.backendUrl).toMatch(/^https?:\/\//u);
          expect(backendUrlProblem(choice.backendUrl)).toBeUndefined();
        }
      }),
    );
  });

  it('training shows FORMATION; connected shows the configured label', () => {
    const facts = { version: '1.2.3', settingsLabel: 'PRÉPRODUCTION' };
    expect(environmentInfo({ mode: 'training' }, { ...facts, trainingBackendUrl: 'http://127.0.0.1:4000/' })).toEqual({
      mode: 'training',
      label: 'FORMATION',
      backendUrl: 'http://127.0.0.1:4000/',
      version: '1.2.3',
    });
    expect(environmentInfo({ mode: 'connected', backendUrl: 'https://sas.example.fr/' }, facts)).toEqual({
      mode: 'connected',
      label: 'PRÉPRODUCTION',
      backendUrl: 'https://sas.example.fr/',
      version: '1.2.3',
    });
    expect(environmentInfo({ mode: 'misconfigured', problem: 'x' }, facts)).toMatchObject({
      mode: 'connected',
      backendUrl: '',
    });
  });
});

describe('protocol client registration', () => {
  it('packaged: the executable, and the URL after `--` (never read as a switch)', () => {
    expect(
      protocolClientRegistration({
        defaultApp: false,
        execPath: 'C:\\SAS\\SAS Console.exe',
        argv: ['C:\\SAS\\SAS Console.exe'],
      }),
    ).toEqual({ scheme: 'sas-console', path: 'C:\\SAS\\SAS Console.exe', args: ['--'] });
  });

  it('development: Electron plus the absolute app path', () => {
    expect(
      protocolClientRegistration({
        defaultApp: true,
        execPath: '/usr/lib/electron/electron',
        argv: ['/usr/lib/electron/electron', 'app'],
      }),
    ).toEqual({
      scheme: 'sas-console',
      path: '/usr/lib/electron/electron',
      args: [`${process.cwd()}/app`, '--'],
    });
    expect(protocolClientRegistration({ defaultApp: true, execPath: 'electron', argv: ['electron'] })).toBeUndefined();
    expect(
      protocolClientRegistration({ defaultApp: true, execPath: 'electron', argv: ['electron', '--inspect'] }),
    ).toBeUndefined();
  });
});
