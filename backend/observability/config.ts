// Observability settings of the configuration file (`observability`). /metrics is off unless a bearer token (from
// the environment, `SAS_METRICS_TOKEN`) or an allow-list of scraper addresses is given.
import { z } from 'zod';

export const observabilityConfigSchema = z
  .object({
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Reverse proxies whose `x-request-id` (and client certificate header) are trusted. */
    trustedProxies: z.array(z.string().min(1)).default([]),
    metrics: z
      .object({
        bearerToken: z.string().min(24).optional(),
        allowAddresses: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();
