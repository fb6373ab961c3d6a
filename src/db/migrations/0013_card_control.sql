-- Card-level control (issue 10, decision 0006 "Card-level control"): the City suspends or withdraws a single
-- service card, and an ente takes its own published card offline and back, without a new revision.
--
-- The card's status stays the one switch of public visibility (public_service, the search, HSDS, the ente page
-- and the comparison read only 'published'): 'suspended' (City, temporary), 'archived' (City, "ritirata"),
-- and the new 'offline' (the ente's own choice). A status change of `service` fires the catalogue NOTIFY of
-- migration 0007, so every node drops its caches and its search index.
alter table service drop constraint service_status_check;
alter table service add constraint service_status_check
  check (status in ('draft', 'submitted', 'changes_requested', 'published', 'suspended', 'archived', 'expired', 'offline'));

-- Every control move of a card, with its reason: the ente reads the City's reason here, and reactivation
-- returns the card to the status it had before the City's hold (from_status of the move that started it).
create table service_status_change (
  id bigint generated always as identity primary key,
  service_id uuid not null references service (id) on delete cascade,
  action text not null check (action in ('suspend', 'withdraw', 'reactivate', 'offline', 'online')),
  side text not null check (side in ('city', 'ente')),
  from_status text not null,
  to_status text not null,
  reason text,
  actor_id uuid references app_user (id) on delete set null,
  at timestamptz not null default now()
);
create index service_status_change_service_idx on service_status_change (service_id, id desc);
