-- What City staff review: every submission is kept as it was sent, so a resubmission is compared with the
-- submission before it (an application sent again after changes requested, a service card sent back and sent
-- again); and the public facts of an ente card (name, description, public contacts) change through the City's
-- validation, like service cards (decision 0006).

-- Each time an application is sent (first time or again), its data and the documents it had.
create table ente_application_submission (
  id bigint generated always as identity primary key,
  application_id uuid not null references ente_application (id) on delete cascade,
  number integer not null check (number >= 1),
  data jsonb not null,
  -- [{ "kind", "documentId", "name", "sizeBytes", "sha256" }]: the file of a replaced document is deleted, its name
  -- and fingerprint stay here so the City can see what was replaced.
  documents jsonb not null default '[]'::jsonb,
  submitted_at timestamptz not null default now(),
  unique (application_id, number)
);

-- Each time a revision of a service card is sent to the City, its data (the revision row keeps only the latest).
create table service_revision_submission (
  id bigint generated always as identity primary key,
  revision_id uuid not null references service_revision (id) on delete cascade,
  number integer not null check (number >= 1),
  data jsonb not null,
  submitted_at timestamptz not null default now(),
  unique (revision_id, number)
);

-- The public facts of an ente card waiting for the City: the published row stays as it is until approval.
create table organization_revision (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id) on delete cascade,
  number integer not null check (number >= 1),
  status text not null default 'submitted' check (status in ('submitted', 'changes_requested', 'approved', 'withdrawn')),
  -- { name, description_it, description_en, email, pec, phone, website, first_contact_hours, socials }
  data jsonb not null,
  -- The facts of the submission before, when the ente sent them again after the City asked for changes.
  previous_data jsonb,
  -- Moves at every change of `data`, so a decision is taken on the version the City looked at.
  version integer not null default 1,
  decision_note text,
  created_by uuid references app_user (id) on delete set null,
  decided_by uuid references app_user (id) on delete set null,
  submitted_at timestamptz not null default now(),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, number)
);
-- At most one request waiting per ente.
create unique index organization_revision_open_idx on organization_revision (organization_id) where status in ('submitted', 'changes_requested');
create index organization_revision_queue_idx on organization_revision (status, submitted_at);

-- The submissions rows can still tell. An application the applicant cannot change (sent, under review, decided)
-- holds what it was last sent with; one sent back holds it too while nothing was saved since the request for
-- changes (a save moves updated_at; a new document is newer than the request). Earlier submissions are lost.
insert into ente_application_submission (application_id, number, data, documents, submitted_at)
select a.id, 1, a.data,
       coalesce((select jsonb_agg(jsonb_build_object('kind', d.kind, 'documentId', d.id, 'name', f.original_name, 'sizeBytes', f.size_bytes, 'sha256', f.sha256)
                                  order by d.created_at, d.id)
                   from ente_application_document d join stored_file f on f.id = d.file_id
                  where d.application_id = a.id), '[]'::jsonb),
       coalesce(a.submitted_at, a.updated_at)
  from ente_application a
 where a.status in ('submitted', 'under_review', 'resubmitted', 'qualified', 'rejected')
    or (a.status = 'changes_requested'
        and a.updated_at <= (select max(e.at) from ente_application_event e where e.application_id = a.id and e.to_status = 'changes_requested')
        and not exists (select 1 from ente_application_document d where d.application_id = a.id
                         and d.created_at > (select max(e.at) from ente_application_event e where e.application_id = a.id and e.to_status = 'changes_requested')));

-- A revision sent and not edited since (waiting, sent back, approved) holds what it was last sent with.
insert into service_revision_submission (revision_id, number, data, submitted_at)
select id, 1, data, submitted_at from service_revision
 where submitted_at is not null and status in ('submitted', 'changes_requested', 'approved');
