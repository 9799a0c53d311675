// The file behind EncryptedSecretStore: a small JSON object of base64 ciphertexts, readable by its owner only,
// replaced atomically (write to a temporary file, then rename) so a crash never leaves half a file.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretVault } from './secret-store-encrypted';

const vaultSchema = z.object({
  version: z.literal(1),
  secrets: z.record(
    z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/u),
    z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u)
      .max(65_536),
  ),
});

export class FileSecretVault implements SecretVault {
  constructor(
    private readonly path: string,
    /** French note when the file is unreadable or damaged (then treated as empty). */
    private readonly report: (message: string) => void = () => {},
  ) {}

  async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') this.report('Fichier des secrets illisible : ignoré.');
      return {};
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.report('Fichier des secrets corrompu (JSON invalide) : ignoré.');
      return {};
    }
    const parsed = vaultSchema.safeParse(json);
    if (!parsed.success) {
      this.report('Fichier des secrets au format inattendu : ignoré.');
      return {};
    }
    return { ...parsed.data.secrets };
  }

  async write(entries: Record<string, string>): Promise<void> {
    if (Object.keys(entries).length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const body = JSON.stringify({ version: 1, secrets: entries } satisfies z.infer<typeof vaultSchema>);
    await writeFile(temporary, body, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}
