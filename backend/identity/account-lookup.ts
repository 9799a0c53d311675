// Who a token or a session is about: the provider asks for an account by national id and gets the regulator's
// claims — only while the regulator is known and active at the SAS. Grants are given without a consent screen: the
// clients are the SAS's own (console) or registered publishers.
import type Provider from 'oidc-provider';
import type { Account, FindAccount, Grant, KoaContextWithOIDC } from 'oidc-provider';
import { idpConnectFromAmr } from './psc-claims';
import type { RegulatorAccount, RegulatorAccounts } from './regulator-accounts';
import { type SessionPolicy, shiftEndsAt } from './session-policy';

/** The account when it exists and is active; an inactive regulator is no account at all for the provider. */
async function activeRegulator(accounts: RegulatorAccounts, nationalId: string): Promise<RegulatorAccount | undefined> {
  const account = await accounts.findByNationalId(nationalId);
  return account?.active ? account : undefined;
}

/** The claims of the ID token and userinfo: identity, how the regulator logged in, when the shift ends. */
function regulatorClaims(
  sub: string,
  regulator: RegulatorAccount,
  login: { amr?: string[] | undefined; authTime?: number | undefined },
  policy: SessionPolicy,
): { sub: string; [claim: string]: unknown } {
  const claims: Record<string, unknown> = {
    national_id: regulator.nationalId,
    family_name: regulator.familyName,
    name: [regulator.givenName, regulator.familyName].filter(Boolean).join(' '),
  };
  if (regulator.givenName) claims['given_name'] = regulator.givenName;
  if (regulator.email) claims['email'] = regulator.email;
  const idp = idpConnectFromAmr(login.amr);
  if (idp) claims['idp_connect'] = idp;
  if (login.authTime) claims['session_exp'] = shiftEndsAt(login.authTime, policy);
  return { sub, ...claims };
}

/** oidc-provider's `findAccount`: the active regulator of this `sub`, with the login facts of the token or session. */
export function createFindAccount(accounts: RegulatorAccounts, policy: SessionPolicy): FindAccount {
  return async (
    ctx: KoaContextWithOIDC,
    sub: string,
    token?: Parameters<FindAccount>[2],
  ): Promise<Account | undefined> => {
    const regulator = await activeRegulator(accounts, sub);
    if (!regulator) return undefined;
    const session = ctx.oidc.session;
    // Codes and refresh tokens carry the login facts; access tokens do not, the session then does.
    const fromToken = token as { amr?: string[] | undefined; authTime?: number | undefined } | undefined;
    const login = { amr: fromToken?.amr ?? session?.amr, authTime: fromToken?.authTime ?? session?.loginTs };
    return { accountId: sub, claims: () => regulatorClaims(sub, regulator, login, policy) };
  };
}

/** Grants what a registered (first-party) client asked for: the SAS asks regulators no consent. */
export async function grantFor(
  provider: Provider,
  request: {
    accountId: string;
    clientId: string;
    existingId: string | undefined;
    oidcScopes: string[];
    resourceScopes: Record<string, string[]>;
  },
): Promise<Grant> {
  const existing = request.existingId ? await provider.Grant.find(request.existingId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: request.accountId, clientId: request.clientId });
  if (request.oidcScopes.length) grant.addOIDCScope(request.oidcScopes.join(' '));
  for (const [resource, scopes] of Object.entries(request.resourceScopes)) {
    if (scopes.length) grant.addResourceScope(resource, scopes.join(' '));
  }
  await grant.save();
  return grant;
}
