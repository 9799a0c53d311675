// Who is using this publisher's pages: the publisher session of the browser (cookie), valid only while the
// regulator's RDV V1 account stays active here, and the CSRF check of every form posted in that session.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm } from '@backend/identity/http';
import type { V1Account } from '../v1-receiver';
import type { BookingContext } from './context';
import { clearCookie, readCookie } from './cookies';
import type { RegulatorView } from './pages';
import { slotSegment } from './paths';
import type { PublisherSession } from './sessions';
import { sameToken } from './tokens';

const reopenLink = (ctx: BookingContext, slotId: string) => ({
  href: `/rdv/${slotSegment(slotId)}?origin=${encodeURIComponent(ctx.expectedOrigin)}`,
  text: 'Se reconnecter via la plateforme SAS',
});

export function activeAccount(ctx: BookingContext, nationalId: string): V1Account | undefined {
  const account = ctx.options.accounts.get(nationalId);
  return account?.active ? account : undefined;
}

/** The publisher session of this browser, if any and if the regulator's account is still active here. */
export function currentSession(
  ctx: BookingContext,
  request: IncomingMessage,
): { id: string; session: PublisherSession } | undefined {
  const id = readCookie(request.headers.cookie, ctx.names.session);
  const session = id ? ctx.sessions.get(id) : undefined;
  if (!id || !session) return undefined;
  // V1 withdrawal takes effect at once: an account deactivated since login ends the publisher session.
  if (!activeAccount(ctx, session.nationalId)) {
    ctx.sessions.delete(id);
    return undefined;
  }
  return { id, session };
}

export function regulatorView(session: PublisherSession): RegulatorView {
  return { displayName: session.displayName, ...(session.idpConnect ? { idpConnect: session.idpConnect } : {}) };
}

export function noSession(ctx: BookingContext, response: ServerResponse, slotId?: string): void {
  const cookies = [clearCookie(ctx.names.session)];
  ctx.page(
    response,
    401,
    'Session expirée',
    `Votre session chez ${ctx.publisherName} a expiré ou n’existe pas. Rouvrez le créneau depuis la console SAS.`,
    {
      ...(slotId ? { link: reopenLink(ctx, slotId) } : {}),
      cookies,
    },
  );
}

/** Reads a form posted in a session and checks its CSRF token; answers and returns undefined when wrong. */
export async function sessionForm(
  ctx: BookingContext,
  request: IncomingMessage,
  response: ServerResponse,
  session: PublisherSession,
): Promise<URLSearchParams | undefined> {
  const form = await readForm(request);
  if (!form.ok) {
    ctx.page(response, 400, 'Formulaire illisible', form.message);
    return undefined;
  }
  if (!sameToken(form.fields.get('csrf'), session.csrfToken)) {
    ctx.page(
      response,
      403,
      'Formulaire refusé',
      'Ce formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.',
    );
    return undefined;
  }
  return form.fields;
}
