// Child process: the SAS backend on the bench's data set, composed like the training environment does it
// (backend/training/environment.ts: storage with the training regulators and SAS agenda, the training Pro Santé
// Connect, `startBackend`), except that its publisher registry points at the simulated publishers of the other
// child process. The environment cannot do that today (its publishers are always its own, in its own process).
import { randomBytes } from 'node:crypto';
import { bearerKeyAuthenticator, startBackend } from '@backend/app';
import { createDirectory } from '@backend/directory/directory';
import { bindPublisherEndpoints, type PublisherEndpoint } from '@backend/directory/publishers';
import { createGeocoder } from '@backend/geo/geocoder';
import { loadGeoData } from '@backend/geo/index';
import { bindServer } from '@backend/http/listen';
import { createAgendaSlotRepository } from '@backend/storage/agenda-slots';
import { openStorage } from '@backend/storage/index';
import { loadTrainingDataset } from '@backend/training/dataset/files';
import { sasAgendaSlotInputs } from '@backend/training/dataset/sas-agenda';
import { trainingPscIdentitiesFrom } from '@backend/training/psc/identities';
import { startTrainingPsc } from '@backend/training/psc/training-psc';
import { splitPublishers } from './bench-dataset';
import { serveCalls, startArgs } from './ipc';

export interface BackendStart {
  endpoints: Record<string, PublisherEndpoint>;
  publisherTimeoutMs: number;
}

export interface BackendInfo {
  backendUrl: string;
  issuer: string;
}

const { endpoints, publisherTimeoutMs } = startArgs<BackendStart>();
const [dataset, geo] = await Promise.all([loadTrainingDataset().then(splitPublishers), loadGeoData()]);
const bound = await bindServer('127.0.0.1', 0);
const directory = createDirectory({
  ...dataset.careOffer,
  publishers: bindPublisherEndpoints(dataset.careOffer.publishers, endpoints),
});

const storage = await openStorage({ driver: 'pglite' });
for (const regulator of dataset.regulators) {
  await storage.regulators.upsert({
    nationalId: regulator.nationalId,
    familyName: regulator.familyName,
    givenName: regulator.givenName,
    ...(regulator.email ? { email: regulator.email } : {}),
    active: regulator.active,
  });
}
const from = new Date();
const agenda = sasAgendaSlotInputs(dataset.patterns, from, new Date(from.getTime() + 3 * 24 * 3600 * 1000));
await storage.db.transaction(async (tx) => {
  const repository = createAgendaSlotRepository(tx);
  for (const slot of agenda) await repository.put(slot);
});

const issuer = `${bound.origin}/oidc`;
const pscClient = { clientId: 'sas-backend-bench', clientSecret: randomBytes(24).toString('base64url') };
const psc = await startTrainingPsc({
  identities: trainingPscIdentitiesFrom(dataset.regulators),
  clients: [{ ...pscClient, redirectUris: [`${issuer}/psc/callback`] }],
});
const backend = await startBackend({
  bound,
  storage,
  directory,
  geo,
  geocoder: createGeocoder({ communes: geo.communes, radii: geo.radii }),
  identity: { psc: { issuer: psc.issuer, ...pscClient } },
  publishers: { authenticate: bearerKeyAuthenticator({}), timeoutMs: publisherTimeoutMs },
  // P6 plays 50 workstations with one login: the per-token caps (tested in tests/integration/limits) are raised.
  limits: { searchesPerToken: 64, streamsPerToken: 64 },
});

const info: BackendInfo = { backendUrl: backend.url, issuer: backend.identity.issuer };
serveCalls(info, {}, async () => {
  await backend.close();
  await psc.close();
  await storage.close();
});
