-- Cache invalidation by NOTIFY instead of a counter. The counter of migration 0002 moved when a change was
-- made, not when it was committed (sequences are not transactional), so a search running in between cached
-- the old state under the new value. NOTIFY is delivered after the commit to every listening connection of
-- every app node (src/lib/catalogue-cache.ts), and spares every request a query.
create or replace function bump_search_catalogue_version() returns trigger
language plpgsql as $$
begin
  -- The payload (the transaction's id) lets a process hearing one change on several connections count it once.
  perform pg_notify('wemi_catalogue', txid_current()::text);
  return null;
end $$;

drop sequence if exists search_catalogue_version;
