// The `lrm` section inside the backend's configuration file: validated with the rest (the server does not start on
// a wrong one, and says which field), and the broker URL with its credentials can come from the environment.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBackendConfig } from '@backend/config';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sas-lrm-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(lrm: unknown): Promise<string> {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(
    file,
    JSON.stringify({
      storage: { driver: 'pglite' },
      identity: {
        issuer: 'https://sas.example.fr/oidc',
        psc: { environment: 'sandbox', clientId: 'sas', clientSecret: 'secret-de-test-0123456789' },
      },
      ...(lrm === undefined ? {} : { lrm }),
    }),
  );
  return file;
}

describe('section lrm de la configuration du backend', () => {
  it('is optional: the link is then off, with the training client id', async () => {
    const config = await loadBackendConfig(await configFile(undefined), {});
    expect(config.lrm.amqpUrl).toBeUndefined();
    expect(config.lrm.senderId).toBe('fr.health.ptfsas');
  });

  it('takes the broker URL from SAS_LRM_AMQP_URL over the file', async () => {
    const file = await configFile({ amqpUrl: 'amqp://fichier:5672', samus: { 'lrm-33': 'fr.health.samu330' } });
    const config = await loadBackendConfig(file, { SAS_LRM_AMQP_URL: 'amqps://ptf:motdepasse@hub.example:5671' });
    expect(config.lrm.amqpUrl).toBe('amqps://ptf:motdepasse@hub.example:5671');
    expect(config.lrm.samus).toEqual({ 'lrm-33': 'fr.health.samu330' });
  });

  it('refuses a wrong SAMU address, naming the field', async () => {
    const file = await configFile({ samus: { 'lrm-33': 'samu33' } });
    await expect(loadBackendConfig(file, {})).rejects.toThrow(/lrm\.samus\.lrm-33 : adresse Hub d’un SAMU attendue/u);
  });
});
