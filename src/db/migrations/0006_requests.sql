-- Citizens ask several enti at once: the request (drafted step by step), one copy per ente with its own
-- states, offers, conversation threads, reviews moderated by the City, complaints, in-app notifications.

create sequence service_request_number;
create table service_request (
  id uuid primary key default gen_random_uuid(),
  -- Human reference, e.g. "RIC-2026-000123", given when the draft starts.
  reference text not null unique,
  citizen_id uuid not null references app_user (id),
  service_type_id uuid not null references taxonomy_term (id),
  status text not null default 'draft' check (status in ('draft', 'sent')),
  -- The step of the stepper the citizen reached (1 = enti, 2 = for whom, 3 = what and when, 4 = where, 5 = summary).
  step integer not null default 1 check (step between 1 and 5),
  for_whom text check (for_whom in ('self', 'other')),
  beneficiary_name text not null default '',
  beneficiary_relation text not null default '',
  needs text not null default '',
  period_from date,
  period_to date,
  -- Days of the week: 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'.
  days text[] not null default '{}',
  -- Time-band term slugs.
  time_bands text[] not null default '{}',
  municipio_id uuid references taxonomy_term (id),
  address text not null default '',
  people integer check (people >= 1 and people <= 100),
  units integer check (units >= 1 and units <= 10000),
  notes text not null default '',
  -- Payment is agreed outside WeMi for now; a later issue brings online payment and vouchers.
  payment_method text not null default 'outside' check (payment_method in ('outside')),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_to is null or period_from is null or period_to >= period_from)
);
create index service_request_citizen_idx on service_request (citizen_id, created_at desc);

-- The service cards (one per ente) the citizen chose: at most 5, same service type.
create table service_request_target (
  request_id uuid not null references service_request (id) on delete cascade,
  service_id uuid not null references service (id),
  position integer not null default 0,
  primary key (request_id, service_id)
);

create table service_request_attachment (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references service_request (id) on delete cascade,
  file_id uuid not null references stored_file (id),
  created_at timestamptz not null default now()
);

-- Each ente's own copy of a sent request.
create table ente_request (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references service_request (id) on delete cascade,
  service_id uuid not null references service (id),
  organization_id uuid not null references organization (id),
  status text not null default 'sent' check (status in (
    'sent', 'taken', 'offered', 'accepted', 'in_progress', 'completed',
    'declined', 'withdrawn', 'not_chosen', 'expired')),
  assigned_to uuid references app_user (id) on delete set null,
  decline_reason text,
  -- The offer: price computed from the price list (kept to show what changed) and the price offered.
  offer_price_computed numeric(10, 2),
  offer_price numeric(10, 2) check (offer_price is null or offer_price >= 0),
  offer_period_from date,
  offer_period_to date,
  offer_time_band text,
  offer_expires_on date,
  offer_notes text,
  offer_file_id uuid references stored_file (id),
  first_response_at timestamptz,
  offered_at timestamptz,
  accepted_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  closed_at timestamptz,
  -- The 48-hour reminder to the ente was sent (the quality standard is a first answer within 3 days).
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (request_id, organization_id)
);
create index ente_request_org_idx on ente_request (organization_id, status, created_at desc);
create index ente_request_request_idx on ente_request (request_id);

create table ente_request_event (
  id bigint generated always as identity primary key,
  ente_request_id uuid not null references ente_request (id) on delete cascade,
  from_status text,
  to_status text not null,
  actor_id uuid references app_user (id) on delete set null,
  note text,
  at timestamptz not null default now()
);
create index ente_request_event_idx on ente_request_event (ente_request_id, at);

-- One conversation per ente request: citizen and the ente's operators; either side can write from the start.
create table request_message (
  id uuid primary key default gen_random_uuid(),
  ente_request_id uuid not null references ente_request (id) on delete cascade,
  author_id uuid references app_user (id) on delete set null,
  author_side text not null check (author_side in ('citizen', 'ente')),
  body text not null check (length(body) between 1 and 5000),
  file_id uuid references stored_file (id),
  created_at timestamptz not null default now()
);
create index request_message_thread_idx on request_message (ente_request_id, created_at);

-- Read state per side: messages after last_read_at are unread for that side.
create table request_thread_read (
  ente_request_id uuid not null references ente_request (id) on delete cascade,
  side text not null check (side in ('citizen', 'ente')),
  last_read_at timestamptz not null default now(),
  primary key (ente_request_id, side)
);

-- Reviews: only after "completed", once per ente request. Ratings count at once; comments wait for the City.
create table review (
  id uuid primary key default gen_random_uuid(),
  ente_request_id uuid not null unique references ente_request (id) on delete cascade,
  service_id uuid not null references service (id),
  organization_id uuid not null references organization (id),
  citizen_id uuid references app_user (id) on delete set null,
  overall smallint not null check (overall between 1 and 5),
  punctuality smallint not null check (punctuality between 1 and 5),
  speed smallint not null check (speed between 1 and 5),
  professionalism smallint not null check (professionalism between 1 and 5),
  comment text check (comment is null or length(comment) <= 2000),
  comment_status text not null default 'none' check (comment_status in ('none', 'pending', 'published', 'rejected')),
  moderated_by uuid references app_user (id) on delete set null,
  moderated_at timestamptz,
  moderation_note text,
  ente_reply text check (ente_reply is null or length(ente_reply) <= 2000),
  ente_reply_at timestamptz,
  created_at timestamptz not null default now()
);
create index review_service_idx on review (service_id);
create index review_org_idx on review (organization_id);
create index review_moderation_idx on review (comment_status, created_at);

-- Complaints ("reclami") about a request, handled by City staff.
create sequence complaint_number;
create table complaint (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  ente_request_id uuid not null references ente_request (id),
  citizen_id uuid references app_user (id) on delete set null,
  subject text not null check (length(subject) between 1 and 200),
  body text not null check (length(body) between 1 and 5000),
  status text not null default 'open' check (status in ('open', 'in_progress', 'answered', 'closed')),
  answer text,
  handled_by uuid references app_user (id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index complaint_status_idx on complaint (status, created_at);

-- In-app notifications shown in the personal area (e-mail copies go through the outbox).
create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  kind text not null,
  title text not null,
  link text not null,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_user_idx on notification (user_id, created_at desc);
