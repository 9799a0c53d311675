// The console's part in browser sessions: its refreshes count as activity (the console open is the shift going on),
// and its logout (revocation of its refresh token) ends the browser session it came from, so the publishers' silent
// SSO ends with it.
import type Provider from 'oidc-provider';
import type { RefreshToken } from 'oidc-provider';
import type { IdentityLogger } from './events';

export function tieSessionsToConsole(
  provider: Provider,
  consoleClientId: string,
  sessionTtl: (session: { loginTs?: number | undefined }) => number,
  logger: IdentityLogger,
): void {
  provider.use(async (ctx, next) => {
    await next();
    const { route, entities } = ctx.oidc ?? { route: '', entities: {} };
    if (ctx.status !== 200) return;
    const refreshToken = (entities as { RefreshToken?: RefreshToken }).RefreshToken;
    // Only the console acting on its own refresh token (revocation sets the entity before its policy check).
    if (
      !refreshToken?.sessionUid ||
      refreshToken.clientId !== consoleClientId ||
      ctx.oidc?.client?.clientId !== consoleClientId
    )
      return;
    const session = await provider.Session.findByUid(refreshToken.sessionUid);
    if (!session) return;
    if (route === 'token') await session.save(sessionTtl(session));
    if (route === 'revocation') {
      await session.destroy();
      logger.info('session ended by console logout', { accountId: session.accountId });
    }
  });
}
