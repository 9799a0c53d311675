// Reads the JSON file an integrator hands to a check: bounded size, BOM tolerated, every failure a French message.
import { readFile, stat } from 'node:fs/promises';

/** Larger than any real answer (1,000 slots and their includes are a few MB); protects the integrator's machine. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type JsonFile =
  | { ok: true; json: unknown; text: string }
  | { ok: false; usage: string }
  | { ok: false; code: 'file-too-large' | 'json-invalid'; message: string };

export async function readJsonFile(file: string): Promise<JsonFile> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, usage: `ce n'est pas un fichier : ${file}` };
    size = info.size;
  } catch {
    return { ok: false, usage: `fichier introuvable : ${file}` };
  }
  if (size > MAX_FILE_BYTES)
    return {
      ok: false,
      code: 'file-too-large',
      message: `Fichier de ${size} octets : au-delà de ${MAX_FILE_BYTES} octets, il n'est pas lu.`,
    };
  try {
    const raw = await readFile(file, 'utf8');
    const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    return { ok: true, json: JSON.parse(text), text };
  } catch (error) {
    return {
      ok: false,
      code: 'json-invalid',
      message: `JSON illisible (détail technique : ${error instanceof Error ? error.message : 'erreur de lecture'}).`,
    };
  }
}
