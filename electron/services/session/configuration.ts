// Where the console's OpenID client talks to, and how: issuer discovery (once), the public client's settings, and
// the one exception to HTTPS — a backend on this machine (training, tests), never a remote one.
import * as oidc from 'openid-client';
import { isLoopbackUrl } from '@shared/util/loopback';
import { SessionFailure } from './failure';

export const DEFAULT_CLIENT_ID = 'sas-console';

export interface ClientSettings {
  /** Issuer of the backend's identity provider, e.g. `http://127.0.0.1:8080/oidc`. */
  issuer: string;
  clientId: string;
  /** Per-request timeout to the backend, in seconds. */
  timeoutSeconds: number;
  now: () => number;
  fetch?: typeof fetch;
}

export interface ClientConfiguration {
  /** A fresh openid-client Configuration (it carries the skew of the injected clock); discovers the issuer once. */
  get(): Promise<oidc.Configuration>;
}

/** Plain HTTP is accepted only for a backend on this machine. */
function allowsInsecureRequests(issuer: URL): boolean {
  return issuer.protocol === 'http:' && isLoopbackUrl(issuer);
}

export function createClientConfiguration(settings: ClientSettings): ClientConfiguration {
  const issuerUrl = new URL(settings.issuer);
  const { clientId, timeoutSeconds: timeout, now } = settings;
  const insecure = allowsInsecureRequests(issuerUrl);
  const injectedFetch = settings.fetch;
  const fetchImpl: oidc.CustomFetch | undefined = injectedFetch
    ? (url, options) => injectedFetch(url, options as RequestInit)
    : undefined;
  let metadata: oidc.ServerMetadata | undefined;

  async function serverMetadata(): Promise<oidc.ServerMetadata> {
    if (metadata) return metadata;
    if (issuerUrl.protocol !== 'https:' && !insecure) throw new SessionFailure('backend-insecure', issuerUrl.href);
    const options: oidc.DiscoveryRequestOptions = { timeout };
    if (insecure) options.execute = [oidc.allowInsecureRequests];
    if (fetchImpl) options[oidc.customFetch] = fetchImpl;
    const discovered = await oidc.discovery(issuerUrl, clientId, undefined, oidc.None(), options);
    metadata = discovered.serverMetadata();
    return metadata;
  }

  return {
    async get() {
      const cfg = new oidc.Configuration(
        await serverMetadata(),
        clientId,
        { token_endpoint_auth_method: 'none', [oidc.clockSkew]: Math.round((now() - Date.now()) / 1000) },
        oidc.None(),
      );
      cfg.timeout = timeout;
      if (fetchImpl) cfg[oidc.customFetch] = fetchImpl;
      if (insecure) oidc.allowInsecureRequests(cfg);
      // Loopback has no TLS to vouch for the token endpoint: ID token signatures are always checked.
      oidc.enableNonRepudiationChecks(cfg);
      return cfg;
    },
  };
}
