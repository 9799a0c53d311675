// The state one publisher's booking pages share between their steps (SSO login, agenda, booking, appointment
// actions): stores with bounded size, cookie names, and the message page in this publisher's look.
import type { ServerResponse } from 'node:http';
import { Bookings } from './bookings';
import { cookieNames } from './cookies';
import { sendPage } from './html';
import type { BookingPagesOptions } from './options';
import { messagePage } from './pages';
import { ExpiringMap } from '@shared/util/expiring-map';
import { PENDING_LOGIN_TTL_MS, type PendingLogin, type PublisherSession, SESSION_MAX_MS } from './sessions';

interface PageExtra {
  detail?: string;
  link?: { href: string; text: string };
  cookies?: string[];
}

export interface BookingContext {
  readonly options: BookingPagesOptions;
  readonly publisherName: string;
  /** Value of the `origin` parameter that means "opened from the SAS". */
  readonly expectedOrigin: string;
  readonly now: () => number;
  readonly names: ReturnType<typeof cookieNames>;
  readonly bookings: Bookings;
  readonly sessions: ExpiringMap<string, PublisherSession>;
  readonly pendingLogins: ExpiringMap<string, PendingLogin>;
  /** Answers with a message page (errors, refusals) of this publisher. */
  page(response: ServerResponse, status: number, title: string, message: string, extra?: PageExtra): void;
}

const MAX_SESSIONS = 5_000;
const MAX_PENDING = 5_000;

export function createBookingContext(options: BookingPagesOptions): BookingContext {
  const publisherName = options.publisher.name;
  const now = options.now ?? Date.now;
  return {
    options,
    publisherName,
    expectedOrigin: options.expectedOrigin ?? 'sas',
    now,
    names: cookieNames(options.publisher.id),
    bookings: new Bookings(now),
    sessions: new ExpiringMap<string, PublisherSession>(SESSION_MAX_MS, MAX_SESSIONS, now),
    pendingLogins: new ExpiringMap<string, PendingLogin>(PENDING_LOGIN_TTL_MS, MAX_PENDING, now),
    page: (response, status, title, message, extra = {}) =>
      sendPage(
        response,
        status,
        messagePage({
          publisherName,
          title,
          message,
          ...(extra.detail ? { detail: extra.detail } : {}),
          ...(extra.link ? { link: extra.link } : {}),
        }),
        extra.cookies,
      ),
  };
}
