// Public surface of backend/identity: the SAS OpenID provider (PSC broker), its PSC client, the bearer-token
// verifier of the backend API, and the regulator-accounts interface it depends on.
export { createIdentityProvider, API_SCOPE, DEFAULT_CONSOLE_CLIENT_ID, PSC_CALLBACK_PATH } from './provider';
export type { IdentityProvider, IdentityProviderConfig, PublisherClientConfig } from './provider';
export { createPscClient, assertPscClientConfig, PSC_ISSUERS, WALLET_DISCOVERY_PATH, STANDARD_DISCOVERY_PATH } from './psc-client';
export type {
  PscClient,
  PscClientConfig,
  PscEnvironment,
  PscIdentity,
  PscLoginOutcome,
  PscLoginStart,
  PscFailureReason,
  PendingPscLogin,
} from './psc-client';
export { createAccessTokenVerifier, bearerToken } from './access-token';
export type { AccessTokenVerification, AccessTokenVerifierConfig, AccessTokenFailureCode } from './access-token';
export { arrayRegulatorAccounts } from './regulator-accounts';
export type { RegulatorAccount, RegulatorAccounts } from './regulator-accounts';
export { parsePscUserinfo, idpConnectFrom, isAcceptedAcr, ACCEPTED_PSC_ACR } from './psc-claims';
export type { IdpConnect, PscUserinfo } from './psc-claims';
export { REFUSAL_TEXT } from './pages';
export type { IdentityEvents, IdentityEventMap, IdentityEventName, IdentityLogger, LoginRefusalReason } from './events';
export { identityFileConfigSchema, identityProviderConfig } from './config';
export type { IdentityFileConfig } from './config';
export { sessionTtlSeconds, shiftEndsAt, DEFAULT_SESSION_POLICY } from './session-policy';
export type { SessionPolicy } from './session-policy';
