// Versioned directory imports: an import writes its entries under a new version (state `loading`), then `publish`
// switches `directory_current` to it in one transaction. Readers only ever follow `directory_current`, so a version
// being written or a failed one is never seen. Entries are JSON text, validated by whoever reads them back.
import { z } from 'zod';
import { instantColumn } from './row-values';
import type { SqlDatabase, SqlExecutor } from './sql-database';

/** The `kind` column's values (checked by the table). */
export type DirectoryEntryKind = 'publisher' | 'practitioner' | 'cpts' | 'structure' | 'sos-site';

interface DirectoryEntryText {
  id: string;
  /** The entry as JSON. */
  data: string;
}

interface CurrentDirectoryVersion {
  versionId: number;
  switchedAt: string;
}

/** Versions kept after a switch: the current one and the one before it (to compare, or switch back by hand). */
const KEPT_VERSIONS = 2;

const currentRowSchema = z.object({ version_id: z.coerce.number().int(), switched_at: instantColumn });
const entryRowSchema = z.object({ entry_id: z.string(), data: z.string() });

export interface DirectoryVersionRepository {
  /** A new, empty version in state `loading`; its id. */
  begin(): Promise<number>;
  /**
   * Inserts entries of one kind; an id already present in the version is left untouched and returned, so the
   * caller can merge (a practitioner whose lines were not contiguous in the national file).
   */
  insert(versionId: number, kind: DirectoryEntryKind, entries: readonly DirectoryEntryText[]): Promise<string[]>;
  replace(versionId: number, kind: DirectoryEntryKind, entry: DirectoryEntryText): Promise<void>;
  entry(versionId: number, kind: DirectoryEntryKind, id: string): Promise<string | undefined>;
  /** Entries of one kind in id order, after `afterId`: a version is read page by page. */
  page(versionId: number, kind: DirectoryEntryKind, afterId: string, limit: number): Promise<DirectoryEntryText[]>;
  /** Makes the version current, atomically, and drops the versions older than the kept ones. */
  publish(versionId: number, summary: unknown): Promise<void>;
  /** Marks the version failed and drops its entries; the current version is not touched. */
  fail(versionId: number, reason: string): Promise<void>;
  current(): Promise<CurrentDirectoryVersion | undefined>;
}

export function createDirectoryVersionRepository(db: SqlDatabase): DirectoryVersionRepository {
  return {
    async begin() {
      const result = await db.query<{ id: number }>(
        `INSERT INTO directory_versions (state) VALUES ('loading') RETURNING id`,
      );
      return Number(result.rows[0]?.id);
    },
    async insert(versionId, kind, entries) {
      if (entries.length === 0) return [];
      // One statement per batch: two arrays unnested, so a batch of a thousand entries is one round trip.
      const result = await db.query<{ entry_id: string }>(
        `INSERT INTO directory_entries (version_id, kind, entry_id, data)
         SELECT $1, $2, e.entry_id, e.data FROM unnest($3::text[], $4::text[]) AS e (entry_id, data)
         ON CONFLICT (version_id, kind, entry_id) DO NOTHING
         RETURNING entry_id`,
        [versionId, kind, entries.map((entry) => entry.id), entries.map((entry) => entry.data)],
      );
      const inserted = new Set(result.rows.map((row) => row.entry_id));
      return entries.filter((entry) => !inserted.has(entry.id)).map((entry) => entry.id);
    },
    async replace(versionId, kind, entry) {
      await db.query(`UPDATE directory_entries SET data = $4 WHERE version_id = $1 AND kind = $2 AND entry_id = $3`, [
        versionId,
        kind,
        entry.id,
        entry.data,
      ]);
    },
    async entry(versionId, kind, id) {
      const result = await db.query(
        `SELECT entry_id, data FROM directory_entries WHERE version_id = $1 AND kind = $2 AND entry_id = $3`,
        [versionId, kind, id],
      );
      return result.rows[0] ? entryRowSchema.parse(result.rows[0]).data : undefined;
    },
    async page(versionId, kind, afterId, limit) {
      const result = await db.query(
        `SELECT entry_id, data FROM directory_entries
         WHERE version_id = $1 AND kind = $2 AND entry_id > $3 ORDER BY entry_id LIMIT $4`,
        [versionId, kind, afterId, limit],
      );
      return result.rows.map((row) => {
        const parsed = entryRowSchema.parse(row);
        return { id: parsed.entry_id, data: parsed.data };
      });
    },
    async publish(versionId, summary) {
      await db.transaction(async (tx) => {
        await tx.query(
          `UPDATE directory_versions SET state = 'ready', finished_at = now(), summary = $2 WHERE id = $1`,
          [versionId, JSON.stringify(summary)],
        );
        await tx.query(
          `INSERT INTO directory_current (singleton, version_id) VALUES (true, $1)
           ON CONFLICT (singleton) DO UPDATE SET version_id = EXCLUDED.version_id, switched_at = now()`,
          [versionId],
        );
        await dropOldVersions(tx, versionId);
      });
    },
    async fail(versionId, reason) {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM directory_entries WHERE version_id = $1', [versionId]);
        await tx.query(
          `UPDATE directory_versions SET state = 'failed', finished_at = now(), summary = $2 WHERE id = $1`,
          [versionId, JSON.stringify({ error: reason })],
        );
      });
    },
    async current() {
      const result = await db.query('SELECT version_id, switched_at FROM directory_current');
      if (!result.rows[0]) return undefined;
      const row = currentRowSchema.parse(result.rows[0]);
      return { versionId: row.version_id, switchedAt: row.switched_at };
    },
  };
}

/** An import still `loading` may be running in another process: only one abandoned for a day is dropped. */
async function dropOldVersions(tx: SqlExecutor, currentId: number): Promise<void> {
  await tx.query(
    `DELETE FROM directory_versions
     WHERE id <> $1 AND (state <> 'loading' OR started_at < now() - interval '1 day') AND id NOT IN (
       SELECT id FROM directory_versions WHERE state = 'ready' ORDER BY id DESC LIMIT $2)`,
    [currentId, KEPT_VERSIONS],
  );
}
