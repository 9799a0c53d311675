// The journal as a JSON-lines file in the console's data folder: appends survive a crash mid-shift.
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { JournalEntry } from '../../shared/api/console-api';
import type { JournalStore } from './journal';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['contact', 'booking-opened', 'booking-confirmed', 'booking-changed']),
  targetId: z.string(),
  targetName: z.string(),
  searchId: z.string().optional(),
  detail: z.string().optional(),
});

export class FileJournalStore implements JournalStore {
  constructor(private readonly file: string) {}

  async readAll(): Promise<JournalEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      // No file yet is the first shift on this workstation; any other failure (rights, disk) must be seen.
      if ((error as { code?: unknown }).code === 'ENOENT') return [];
      throw error;
    }
    // A torn last line (power cut) or a foreign line is skipped, not fatal.
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  async append(entry: JournalEntry): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
  }

  async replace(entries: JournalEntry[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), {
      encoding: 'utf8',
      mode: 0o600,
    });
    await rename(temporary, this.file);
  }
}
