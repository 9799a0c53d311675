// The identity part of the backend's configuration file, validated where it enters (zod), and its conversion to
// the provider's runtime configuration. Secrets (client secrets, keys) come from the same file or the environment:
// the backend's configuration loader (backend/config.ts) decides; this schema only says what is required.
import { z } from 'zod';
import type { IdentityLogger } from './events';
import type { IdentityProviderConfig } from './provider';
import { PSC_ISSUERS } from './psc-client';
import type { RegulatorAccounts } from './regulator-accounts';

const url = z.string().url().max(500);
const secret = z.string().min(16).max(500);

export const identityFileConfigSchema = z
  .object({
    issuer: url,
    psc: z
      .object({
        environment: z.enum(['sandbox', 'production', 'training']),
        /** Required for training (the running training PSC); overrides the known issuer otherwise. */
        issuer: url.optional(),
        clientId: z.string().min(1).max(200),
        clientSecret: secret,
        tokenEndpointAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
        discovery: z.enum(['wallet', 'wallet-then-standard']).optional(),
        userinfoSignedResponseAlg: z.enum(['RS256', 'PS256', 'ES256']).optional(),
        acrValues: z
          .string()
          .regex(/^eidas[1-3]$/u)
          .optional(),
        timeoutSeconds: z.number().int().min(1).max(60).optional(),
      })
      .strict(),
    console: z
      .object({
        clientId: z.string().min(1).max(200).optional(),
        redirectUris: z.array(url).min(1).max(10).optional(),
      })
      .strict()
      .optional(),
    publishers: z
      .array(
        z
          .object({
            clientId: z.string().min(1).max(200),
            clientSecret: secret,
            redirectUris: z.array(url).min(1).max(20),
            postLogoutRedirectUris: z.array(url).max(20).optional(),
            name: z.string().max(200).optional(),
            tokenEndpointAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
          })
          .strict(),
      )
      .max(500)
      .optional(),
    apiResource: url.optional(),
    session: z
      .object({
        shiftSeconds: z
          .number()
          .int()
          .min(300)
          .max(24 * 3600)
          .optional(),
        idleSeconds: z
          .number()
          .int()
          .min(60)
          .max(24 * 3600)
          .optional(),
      })
      .strict()
      .optional(),
    accessTokenTtlSeconds: z.number().int().min(30).max(3600).optional(),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
    cookieKeys: z.array(secret).min(1).optional(),
    trustProxy: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.psc.environment !== 'training' || c.psc.issuer !== undefined, {
    message: 'psc.issuer est obligatoire en formation (émetteur du PSC de formation)',
    path: ['psc', 'issuer'],
  });

export type IdentityFileConfig = z.infer<typeof identityFileConfigSchema>;

/** Builds the provider's runtime configuration from a validated file config and the live dependencies. */
export function identityProviderConfig(
  file: IdentityFileConfig,
  deps: { accounts: RegulatorAccounts; logger?: IdentityLogger },
): IdentityProviderConfig {
  const { environment, issuer: pscIssuer, ...psc } = file.psc;
  const issuer = pscIssuer ?? (environment === 'training' ? undefined : PSC_ISSUERS[environment]);
  if (!issuer) throw new Error('psc.issuer est obligatoire en formation');
  const config: IdentityProviderConfig = {
    issuer: file.issuer,
    psc: { ...psc, issuer },
    accounts: deps.accounts,
  };
  if (file.console) config.console = file.console;
  if (file.publishers) config.publishers = file.publishers;
  if (file.apiResource) config.apiResource = file.apiResource;
  if (file.session) config.session = file.session;
  if (file.accessTokenTtlSeconds) config.accessTokenTtlSeconds = file.accessTokenTtlSeconds;
  if (file.jwks) config.jwks = file.jwks as IdentityProviderConfig['jwks'];
  if (file.cookieKeys) config.cookieKeys = file.cookieKeys;
  if (file.trustProxy !== undefined) config.trustProxy = file.trustProxy;
  if (deps.logger) config.logger = deps.logger;
  return config;
}
