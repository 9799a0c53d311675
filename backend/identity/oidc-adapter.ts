// oidc-provider's storage adapter on the backend's storage (PostgreSQL, or the embedded PGlite for one workstation):
// sessions, interactions, grants, authorization codes and refresh tokens outlive the process and are shared by every
// instance on the same database, so a login, a refresh or a publisher's code exchange works whichever instance
// answers. The provider instantiates one adapter per model name.
import type { AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { OidcPayloadRepository } from '../storage/oidc-payloads';

export function storageOidcAdapter(payloads: OidcPayloadRepository): AdapterFactory {
  return (model) => ({
    upsert: (id, payload, expiresIn) =>
      payloads.upsert(
        model,
        id,
        payload as Record<string, unknown>,
        Number.isFinite(expiresIn) ? expiresIn : undefined,
      ),
    find: async (id) => (await payloads.find(model, id)) as AdapterPayload | undefined,
    findByUid: async (uid) => (await payloads.findByUid(model, uid)) as AdapterPayload | undefined,
    findByUserCode: async (userCode) => (await payloads.findByUserCode(model, userCode)) as AdapterPayload | undefined,
    consume: (id) => payloads.consume(model, id),
    destroy: (id) => payloads.destroy(model, id),
    revokeByGrantId: (grantId) => payloads.revokeByGrantId(grantId),
  });
}
