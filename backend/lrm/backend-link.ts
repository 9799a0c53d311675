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
