-- Spazi WeMi: status, structured opening hours, who last changed them.
--
-- Status of a Spazio WeMi (only for locations of kind 'spazio_wemi'):
--   confirmed   listed in the Carta dei Servizi (the current list): public, and linked from search, services, HSDS;
--   unconfirmed named only in older City documents: public on the Spazi WeMi pages with the notice
--               "non confermato nella Carta dei Servizi", not linked from the rest of the catalogue;
--   archived    withdrawn by the City: not listed; its page answers 410 Gone with a notice.
-- `active` (read by search, services and HSDS) stays the flag "confirmed": the trigger below keeps the two in step,
-- so an older insert that only says `active` still gets a status (active → confirmed, inactive → archived).
alter table location add column spazio_status text check (spazio_status in ('confirmed', 'unconfirmed', 'archived'));
-- When the City last edited the opening hours (null: as seeded). The seed never overwrites hours the City edited.
alter table location add column hours_updated_at timestamptz;

-- Existing Spazi: active ones are the Carta dei Servizi list, inactive ones were seeded from the older documents.
update location set spazio_status = case when active then 'confirmed' else 'unconfirmed' end where kind = 'spazio_wemi';
alter table location add constraint location_spazio_status_kind check ((kind = 'spazio_wemi') = (spazio_status is not null));

create function location_spazio_status_sync() returns trigger
language plpgsql as $$
begin
  if new.kind <> 'spazio_wemi' then
    new.spazio_status := null;
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.spazio_status is null then
      new.spazio_status := case when new.active then 'confirmed' else 'archived' end;
    end if;
  elsif new.spazio_status is not distinct from old.spazio_status and new.active is distinct from old.active then
    -- Only `active` was changed: read it as confirming or archiving.
    new.spazio_status := case when new.active then 'confirmed' else 'archived' end;
  end if;
  new.active := new.spazio_status = 'confirmed';
  return new;
end $$;

create trigger location_spazio_status_sync before insert or update on location
  for each row execute function location_spazio_status_sync();

create index location_spazio_status_idx on location (spazio_status) where kind = 'spazio_wemi';

-- Opening hours: per weekday (ISO: 1 Monday … 7 Sunday) any number of time ranges, not overlapping. The free-text
-- note stays in location.hours_it / hours_en ("su appuntamento", closures in August, …). No row for a day: closed
-- that day; no row at all: hours not known yet ("orari da confermare").
create table spazio_opening_hours (
  location_id uuid not null references location(id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  check (closes > opens),
  primary key (location_id, weekday, opens)
);
