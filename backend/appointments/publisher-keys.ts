// Training and tests: publishers prove who they are with a bearer key from the registry (production uses their
// client certificate, see publisher-auth.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PublisherAuthenticator } from './v3-receiver';

export function bearerKeyAuthenticator(keys: Readonly<Record<string, string>>): PublisherAuthenticator {
  const byKey = new Map(Object.entries(keys).map(([publisherId, key]) => [key, publisherId]));
  return (request: IncomingMessage) => {
    const match = /^Bearer (\S{16,200})$/u.exec(request.headers.authorization ?? '');
    return match?.[1] ? byKey.get(match[1]) : undefined;
  };
}

export const newPublisherKey = (): string => `${randomUUID()}${randomUUID()}`.replace(/-/gu, '');
