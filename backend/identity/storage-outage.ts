// With the database down, the provider cannot read sessions, codes or tokens. oidc-provider reports that as a
// `server_error` (500), which a client takes for a refusal: the console would drop the regulator's session. The
// outage is answered 503 `temporarily_unavailable` instead (RFC 6749 §4.1.2.1), which the console retries.
import type Provider from 'oidc-provider';
import { isStorageUnavailable } from '../storage/availability';

const OUTAGE = Symbol('storage outage');

export function answerStorageOutagesWith503(provider: Provider): void {
  provider.on('server_error', (ctx, error) => {
    if (isStorageUnavailable(error)) (ctx.state as Record<symbol, boolean>)[OUTAGE] = true;
  });
  provider.use(async (ctx, next) => {
    await next();
    if (!(ctx.state as Record<symbol, boolean>)[OUTAGE]) return;
    ctx.status = 503;
    ctx.set('retry-after', '2');
    if (ctx.body && typeof ctx.body === 'object' && 'error' in ctx.body) {
      ctx.body = { error: 'temporarily_unavailable', error_description: 'Service momentanément indisponible' };
    }
  });
}
