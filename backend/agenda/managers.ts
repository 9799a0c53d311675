// Structure managers who fill the SAS agenda through the API (integrators, the training environment). Each has a
// bearer token — only its SHA-256 is configured, like every other secret the backend checks — and the structures
// it manages: a practitioner's own agenda, a CPTS (its members' slots offered through it, and its own), a SOS
// Médecins site.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Directory } from '../directory/directory';
import { HttpError } from '../http/json';

const ids = z.array(z.string().trim().min(1).max(64)).max(10_000).default([]);

export const agendaManagerSchema = z
  .object({
    /** Who holds the token, for logs (never the token). */
    name: z.string().trim().min(1).max(200),
    /** SHA-256 of the bearer token, hexadecimal (`printf %s "$TOKEN" | sha256sum`). */
    tokenSha256: z.string().regex(/^[0-9a-fA-F]{64}$/u, 'SHA-256 hexadécimal (64 caractères) attendu'),
    practitioners: ids,
    cpts: ids,
    sosSites: ids,
    /** Every structure: the training environment's own manager, never a real one. */
    allStructures: z.boolean().default(false),
  })
  .strict();
export type AgendaManager = z.output<typeof agendaManagerSchema>;
export type AgendaManagerConfig = z.input<typeof agendaManagerSchema>;

export const agendaConfigSchema = z.object({ managers: z.array(agendaManagerSchema).max(10_000).default([]) }).strict();

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

const unauthenticated = () =>
  new HttpError(
    401,
    'agenda-manager-unauthenticated',
    'Jeton de gestionnaire de structure requis ou inconnu (Authorization: Bearer …) / structure manager token missing or unknown.',
  );

/** The manager a request's bearer token belongs to; 401 when none. */
export function agendaManagerAuthenticator(managers: readonly AgendaManagerConfig[]) {
  const parsed = managers.map((manager) => agendaManagerSchema.parse(manager));
  const digests = parsed.map((manager) => Buffer.from(manager.tokenSha256.toLowerCase(), 'hex'));
  return (request: IncomingMessage): AgendaManager => {
    const match = /^Bearer ([\x21-\x7e]{16,512})$/u.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw unauthenticated();
    const offered = createHash('sha256').update(match[1]).digest();
    // Every entry is compared, in constant time each: which one matched leaks nothing.
    let found: AgendaManager | undefined;
    digests.forEach((digest, index) => {
      if (timingSafeEqual(digest, offered)) found ??= parsed[index];
    });
    if (!found) throw unauthenticated();
    return found;
  };
}

interface SlotOwners {
  practitionerId?: string;
  cptsFiness?: string;
  sosSiteId?: string;
}

/**
 * The owner fields of a slot this manager may not write, each named (`practitionerId`, `cptsFiness`, `sosSiteId`).
 * A practitioner is covered by their own entry, by a managed CPTS they are a member of when the slot names it, or
 * by the managed SOS site the slot names.
 */
export function unmanagedOwners(
  manager: AgendaManager,
  slot: SlotOwners,
  directory: Pick<Directory, 'getCpts'>,
): (keyof SlotOwners)[] {
  if (manager.allStructures) return [];
  const refused: (keyof SlotOwners)[] = [];
  const cptsManaged = slot.cptsFiness !== undefined && manager.cpts.includes(slot.cptsFiness);
  const siteManaged = slot.sosSiteId !== undefined && manager.sosSites.includes(slot.sosSiteId);
  if (slot.cptsFiness !== undefined && !cptsManaged) refused.push('cptsFiness');
  if (slot.sosSiteId !== undefined && !siteManaged) refused.push('sosSiteId');
  if (slot.practitionerId !== undefined) {
    const own = manager.practitioners.includes(slot.practitionerId);
    const member =
      cptsManaged && (directory.getCpts(slot.cptsFiness!)?.memberIds.includes(slot.practitionerId) ?? false);
    if (!own && !member && !siteManaged) refused.push('practitionerId');
  }
  return refused;
}
