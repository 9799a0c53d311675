// Logins in progress, single-use outcomes and publisher sessions all need a map whose entries expire and whose size
// is bounded, so that unauthenticated callers cannot grow it without limit. One implementation keeps the eviction
// rules identical everywhere.

/** A map whose entries expire after a time to live; when full, the oldest entry is evicted first. */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  /**
   * @param ttlMs how long an entry lives unless `set` is given its own time to live
   * @param maxEntries the most entries kept at once (at least 1)
   * @param now the clock, in milliseconds (tests pass a fake one)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(maxEntries >= 1)) throw new RangeError('ExpiringMap: maxEntries must be at least 1');
  }

  /** Stores `value` under `key` for `ttlMs` (the map's default unless given); replacing a key renews it. */
  set(key: K, value: V, ttlMs: number = this.ttlMs): void {
    const now = this.now();
    this.sweep(now);
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }

  /** The live value under `key`, or undefined when absent or expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Returns and removes the entry: for single-use values (a login's state, an outcome read once). */
  take(key: K): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  /** Removes the entry; true when there was one (expired or not). */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held, live ones only. */
  get size(): number {
    this.sweep(this.now());
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
