-- Enti join WeMi: uploaded files, applications and their history, the ente card, service-card revisions
-- validated by the City, and scheduled jobs that run once across every app node.

-- Uploaded files live in the database, so any app node can serve them; they are checked (type, size,
-- content) before they are stored, and served only through routes that check who may read them.
create table stored_file (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
  original_name text not null check (length(original_name) between 1 and 200),
  data bytea not null,
  uploaded_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now()
);

-- Applications to join WeMi ("Diventa ente WeMi").
create sequence ente_application_number;
create table ente_application (
  id uuid primary key default gen_random_uuid(),
  -- Human reference, e.g. "ENTE-2026-00042".
  reference text not null unique,
  applicant_id uuid not null references app_user (id),
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'under_review', 'changes_requested', 'resubmitted', 'qualified', 'rejected')),
  -- The form, field by field (denominazione, forma giuridica, codice fiscale, partita IVA, RUNTS, sede legale,
  -- legale rappresentante, referente, PEC, sito, categorie, Municipi, autodichiarazioni).
  data jsonb not null default '{}'::jsonb,
  -- City notes per section when changes are requested: { "<section>": "<note>" }.
  section_notes jsonb not null default '{}'::jsonb,
  decision_reason text,
  organization_id uuid references organization (id),
  reviewer_id uuid references app_user (id) on delete set null,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ente_application_status_idx on ente_application (status, submitted_at);
create index ente_application_applicant_idx on ente_application (applicant_id);

create table ente_application_document (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references ente_application (id) on delete cascade,
  kind text not null check (kind in ('statuto', 'bilancio_sociale', 'certificazione', 'condizioni_uso', 'privacy', 'recesso')),
  file_id uuid not null references stored_file (id),
  created_at timestamptz not null default now()
);
create index ente_application_document_app_idx on ente_application_document (application_id);

-- Every transition of an application, with who and why.
create table ente_application_event (
  id bigint generated always as identity primary key,
  application_id uuid not null references ente_application (id) on delete cascade,
  from_status text,
  to_status text not null,
  actor_id uuid references app_user (id) on delete set null,
  note text,
  at timestamptz not null default now()
);
create index ente_application_event_app_idx on ente_application_event (application_id, at);

-- The ente card grows the fields of the application and of the back office.
alter table organization
  add column runts_number text,
  add column registered_office text not null default '',
  add column legal_representative text not null default '',
  add column contact_person text not null default '',
  -- First-contact availability: days and hours the ente answers, free text.
  add column first_contact_hours text not null default '',
  -- { "facebook": url, "instagram": url, "linkedin": url, "youtube": url }
  add column socials jsonb not null default '{}'::jsonb,
  add column logo_file_id uuid references stored_file (id),
  add column terms_file_id uuid references stored_file (id),
  add column privacy_file_id uuid references stored_file (id),
  add column withdrawal_file_id uuid references stored_file (id),
  add column qualified_at timestamptz,
  -- Why the ente was suspended or revoked (shown to the ente, not to the public).
  add column status_reason text;

-- Categories an ente is qualified for (service cards only for service types below them) and Municipi served.
create table organization_category (
  organization_id uuid not null references organization (id) on delete cascade,
  term_id uuid not null references taxonomy_term (id) on delete restrict,
  primary key (organization_id, term_id)
);
create table organization_municipio (
  organization_id uuid not null references organization (id) on delete cascade,
  municipio_id uuid not null references taxonomy_term (id) on delete restrict,
  primary key (organization_id, municipio_id)
);

-- Cards can now leave the catalogue when their price list expires.
alter table service drop constraint service_status_check;
alter table service add constraint service_status_check
  check (status in ('draft', 'submitted', 'changes_requested', 'published', 'suspended', 'archived', 'expired'));

-- Revisions of a service card. The published card (the service row and its children) stays online
-- unchanged while a revision waits; approving a revision applies its data to the card.
create table service_revision (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references service (id) on delete cascade,
  number integer not null check (number >= 1),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'changes_requested', 'approved', 'withdrawn')),
  -- The whole card as the ente edited it (fields, terms, areas, sites, price lists).
  data jsonb not null,
  -- City notes per section when sent back: { "<section>": "<note>" }.
  section_notes jsonb not null default '{}'::jsonb,
  decision_note text,
  created_by uuid references app_user (id) on delete set null,
  decided_by uuid references app_user (id) on delete set null,
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (service_id, number)
);
-- At most one revision in progress per card.
create unique index service_revision_open_idx on service_revision (service_id) where status in ('draft', 'submitted', 'changes_requested');
create index service_revision_queue_idx on service_revision (status, submitted_at);

-- Warnings sent before a price list expires (one per card and expiry date).
create table service_expiry_warning (
  service_id uuid not null references service (id) on delete cascade,
  valid_to date not null,
  warned_at timestamptz not null default now(),
  primary key (service_id, valid_to)
);

-- Scheduled jobs: each node's runner claims a due job with FOR UPDATE SKIP LOCKED and a lease, so a job runs
-- once even with several app processes, and survives restarts (the schedule is in the database).
create table scheduled_job (
  name text primary key,
  next_run_at timestamptz not null default now(),
  locked_until timestamptz,
  locked_by text,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  runs integer not null default 0
);
create table job_run (
  id bigint generated always as identity primary key,
  job text not null,
  node text not null,
  started_at timestamptz not null,
  finished_at timestamptz not null default now(),
  outcome text not null check (outcome in ('ok', 'error')),
  details jsonb not null default '{}'::jsonb
);
create index job_run_job_idx on job_run (job, started_at desc);
