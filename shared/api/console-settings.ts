// The console's settings: what the workstation keeps between shifts (never patient data). One schema for what is
// stored, what the renderer may change, and the type every layer uses.
import { z } from 'zod';

/** A web address only: `z.string().url()` alone also accepts `javascript:` or `file:` URLs. */
const webUrl = z
  .string()
  .max(500)
  .url()
  .regex(/^https?:\/\//iu, 'adresse http(s) attendue');

export const consoleSettingsSchema = z.object({
  /** Empty: the built-in training environment. */
  backendUrl: z.union([z.literal(''), webUrl]),
  environmentLabel: z.string().max(40),
  /** `origin` parameter added to booking URLs (RDV V2). */
  bookingOrigin: z.string().regex(/^[\w.-]{1,40}$/u),
  ui: z.object({ density: z.enum(['comfortable', 'compact']), showMap: z.boolean() }),
});

export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

/**
 * What the renderer may send to change settings: any subset of the fields, nothing else — except `backendUrl`:
 * where patient addresses and tokens go is set by the workstation's administrator (settings file, `SAS_BACKEND_URL`),
 * never by the page. The renderer still reads it.
 */
export const consoleSettingsPatchSchema = consoleSettingsSchema
  .omit({ backendUrl: true })
  .extend({ ui: consoleSettingsSchema.shape.ui.partial().strict() })
  .partial()
  .strict();

export type ConsoleSettingsPatch = z.infer<typeof consoleSettingsPatchSchema>;
