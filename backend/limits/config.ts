// The limits an instance applies, as the configuration file gives them (`limits`), with defaults sized for a
// regional SAS (dozens of workstations per instance). See backend/API.md "Deploying".
import { z } from 'zod';
import { DEFAULT_SERVER_TIMEOUTS } from './server-timeouts';

export const limitsConfigSchema = z
  .object({
    /** Publisher requests in flight on this instance, all publishers together. */
    publisherRequests: z.number().int().min(1).max(10_000).default(256),
    /** Publisher requests in flight to any one publisher. */
    publisherRequestsPerPublisher: z.number().int().min(1).max(10_000).default(64),
    searchesPerToken: z.number().int().min(1).max(100).default(4),
    streamsPerToken: z.number().int().min(1).max(100).default(4),
    headersTimeoutMs: z.number().int().min(500).max(120_000).default(DEFAULT_SERVER_TIMEOUTS.headersTimeoutMs),
    requestTimeoutMs: z.number().int().min(0).max(600_000).default(DEFAULT_SERVER_TIMEOUTS.requestTimeoutMs),
    keepAliveTimeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_SERVER_TIMEOUTS.keepAliveTimeoutMs),
    /** Street-level geocoder requests per second, shared by every search (the national service allows 50). */
    geocoderPerSecond: z.number().min(1).max(1000).default(40),
  })
  .strict();

export type BackendLimits = z.infer<typeof limitsConfigSchema>;

export const DEFAULT_LIMITS: BackendLimits = limitsConfigSchema.parse({});
