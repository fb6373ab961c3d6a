import type { Db, Queryable } from '../db/database';

// Per-process caches of data derived from the public catalogue, and when they hold.
//
// Every change a public page depends on (cards, enti, taxonomy, areas, places, synonyms, price lists, ratings)
// fires a trigger that sends NOTIFY wemi_catalogue with the transaction's id (migration 0007); PostgreSQL delivers it after the commit
// to every listening connection of every app node. Each process counts what it hears in a local
// "generation": whatever was computed under an older generation is stale. A process hears its own changes
// before its COMMIT resolves (src/db/database.ts), so whoever writes reads their write; other nodes hear a
// change within milliseconds. While a node is not sure to hear (before it listens, or after its listening
// connection failed and until it is back), there is no generation and nothing is served from cache.
// Nothing here is state another node would need.

export const CATALOGUE_CHANNEL = 'wemi_catalogue';

interface Clock {
  generation: number;
  listening: boolean;
  /** Payloads (transaction ids) heard lately: every listening connection of the process hears each change. */
  heard: Set<string>;
}

const clocks = new WeakMap<object, Clock>();

/**
 * Starts following the catalogue's changes for this database (the composition root calls it once; calling
 * it again does nothing). Resolves once listening; if listening cannot start, caches stay off until it does.
 */
export async function followCatalogue(db: Db, onLost?: () => void): Promise<void> {
  if (clocks.has(db)) return;
  const clock: Clock = { generation: 0, listening: false, heard: new Set() };
  clocks.set(db, clock);
  await db.listen(CATALOGUE_CHANNEL, (event, payload) => {
    if (event === 'notify' && payload) {
      if (clock.heard.has(payload)) return;
      if (clock.heard.size >= 1000) clock.heard.delete(clock.heard.values().next().value!);
      clock.heard.add(payload);
    }
    // Any other event moves the generation: a notification is a change; after a loss, changes may have been missed.
    clock.generation++;
    if (event === 'lost' && clock.listening) onLost?.();
    clock.listening = event !== 'lost';
  });
}

/** The current catalogue generation of this process, or null when caches must not be used. */
export function catalogueGeneration(db: Queryable): number | null {
  const clock = clocks.get(db);
  return clock?.listening ? clock.generation : null;
}

/** Makes everything cached for this database stale (tests that change data in ways no trigger sees). */
export function forgetCatalogueCaches(db: Queryable): void {
  const clock = clocks.get(db);
  if (clock) clock.generation++;
}

interface Entry {
  generation: number;
  at: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * `load()`'s value, computed at most once per catalogue generation and `ttlMs` (for figures outside the
 * catalogue, such as registered citizens) in this process.
 */
export function cachedByCatalogue<T>(db: Queryable, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const generation = catalogueGeneration(db);
  if (generation === null) return load();
  let map = caches.get(db);
  if (!map) caches.set(db, (map = new Map()));
  const hit = map.get(key);
  if (hit && hit.generation === generation && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  map.set(key, { generation, at: Date.now(), value });
  // A failed load is not kept.
  value.catch(() => {
    if (map.get(key)?.value === value) map.delete(key);
  });
  return value;
}
