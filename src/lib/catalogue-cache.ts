import type { Queryable } from '../db/database';

// A per-process cache of data derived from the catalogue, valid while the catalogue counter (the sequence
// search_catalogue_version, moved by triggers on every change a public page depends on — migration 0002)
// keeps its value, and at most `ttlMs` (for figures outside the catalogue, such as registered citizens).
// One tiny query per use checks the counter, so a change shows at once on every app node; nothing here is
// state another node would need.

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

async function catalogueVersion(db: Queryable): Promise<string> {
  const row = await db.one<{ v: string | number }>('select last_value as v from search_catalogue_version');
  return String(row.v);
}

export async function cachedByCatalogue<T>(db: Queryable, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  let map = caches.get(db);
  if (!map) caches.set(db, (map = new Map()));
  const version = await catalogueVersion(db);
  const hit = map.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  map.set(key, { version, at: Date.now(), value });
  // A failed load is not kept.
  value.catch(() => {
    if (map.get(key)?.value === value) map.delete(key);
  });
  return value;
}
