// The LRM link as a backend starts it from its configuration: the client certificate files read, every LRM state
// change published on the appointment feed exactly as a publisher's V3 report is (the consoles update live).
import { readFile } from 'node:fs/promises';
import type { Registry } from 'prom-client';
import type { AppointmentFeed } from '../appointments/feed';
import { visibleAppointment } from '../storage/appointments';
import type { Storage } from '../storage/index';
import type { LrmCodec } from './codec';
import type { LrmConfig } from './config';
import { startLrmLink, type LrmLink } from './link';
import { createLrmCodec } from './message-codec';
import type { LrmDirectory } from './message/index';

export interface BackendLrmLinkOptions {
  config: LrmConfig;
  /** Resolves a configured file path (relative to the configuration file). */
  resolvePath?: (path: string) => string;
  storage: Pick<Storage, 'db' | 'appointments'>;
  feed: AppointmentFeed;
  codec: LrmCodec;
  registry?: Registry;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export async function startBackendLrmLink(options: BackendLrmLinkOptions): Promise<LrmLink> {
  const resolve = options.resolvePath ?? ((path: string) => path);
  const files = options.config.tls;
  const tls = files && {
    cert: await readFile(resolve(files.cert)),
    key: await readFile(resolve(files.key)),
    ...(files.ca ? { ca: await readFile(resolve(files.ca)) } : {}),
  };
  return startLrmLink({
    config: options.config,
    ...(tls ? { tls } : {}),
    db: options.storage.db,
    appointments: options.storage.appointments,
    codec: options.codec,
    onAppointmentChanged: (appointment) => options.feed.publish(visibleAppointment(appointment)),
    ...(options.registry ? { registry: options.registry } : {}),
    log: options.log,
  });
}

const NO_LINK: LrmLink = {
  status: () => ({ connected: false, label: 'Liaison LRM désactivée : aucun broker configuré.' }),
  sendNow: async () => {},
  close: async () => {},
};

/**
 * The LRM link of a backend, from its `lrm` configuration: the INT_L02 codec on the backend's directory. Without
 * one, a link that is off: appointments wait in the outbox and /ready says so.
 */
export async function startConfiguredLrmLink(
  lrm: { config: LrmConfig; resolvePath?: (path: string) => string } | undefined,
  deps: Omit<BackendLrmLinkOptions, 'config' | 'resolvePath' | 'codec'> & { directory: () => LrmDirectory },
): Promise<LrmLink> {
  if (!lrm) return NO_LINK;
  const codec = createLrmCodec({
    senderId: lrm.config.senderId,
    ttlMs: lrm.config.messageTtlMinutes * 60_000,
    directory: deps.directory,
    db: deps.storage.db,
  });
  return startBackendLrmLink({
    config: lrm.config,
    ...(lrm.resolvePath ? { resolvePath: lrm.resolvePath } : {}),
    storage: deps.storage,
    feed: deps.feed,
    codec,
    ...(deps.registry ? { registry: deps.registry } : {}),
    log: deps.log,
  });
}
export type { LrmConfig } from './config';
