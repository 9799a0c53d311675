// A regulator account: a person the SAS lets book for patients, known by national id (IDNPS). The identity
// provider reads it to let a regulator in, storage keeps it, and RDV V1 pushes it to every publisher. One shape,
// checked where it enters (the admin CLI, the configuration file) by this schema.
import { z } from 'zod';

export const regulatorAccountSchema = z.object({
  /** IDNPS as PSC gives it in `SubjectNameID`: `8`+RPPS, or `3`+FINESS+`/`+local id (never assume the `8`). */
  nationalId: z.string().trim().min(1).max(64),
  familyName: z.string().trim().min(1).max(200),
  givenName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  /** `false` when access was withdrawn: login is refused, issued tokens stop being accepted, publishers are told. */
  active: z.boolean(),
});

export type RegulatorAccount = z.infer<typeof regulatorAccountSchema>;
