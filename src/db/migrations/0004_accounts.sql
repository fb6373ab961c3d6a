-- Accounts, roles, sessions, one-time tokens, e-mail outbox, login throttling and the audit log.
-- Everything a request needs lives here, so any app node can serve any request.

-- app_user and audit_log exist since 0001 (the demo citizens count on the home page); here they grow into accounts.
alter table app_user
  -- Lower-cased e-mail; unique among accounts that have one (SPID citizens may have none).
  add column email_verified_at timestamptz,
  -- argon2id in PHC string format; null for accounts that only log in with SPID/CIE.
  add column password_hash text,
  -- Codice fiscale (upper case), set by SPID/CIE logins.
  add column fiscal_code text,
  add column birth_date date,
  add column phone text,
  -- TOTP two-factor authentication (base32 secret); enabled once confirmed with a valid code.
  add column totp_secret text,
  add column totp_enabled_at timestamptz,
  -- Last accepted TOTP time step: a code is never accepted twice.
  add column totp_last_step bigint,
  add column status text not null default 'active' check (status in ('invited', 'active', 'suspended', 'deleted')),
  add column notify_email boolean not null default true,
  add column notify_requests boolean not null default true,
  add column notify_news boolean not null default false,
  add column privacy_version text,
  add column privacy_accepted_at timestamptz,
  add column updated_at timestamptz not null default now(),
  add column last_login_at timestamptz,
  add column deleted_at timestamptz,
  add constraint app_user_email_lower check (email is null or email = lower(email)),
  add constraint app_user_fiscal_upper check (fiscal_code is null or fiscal_code = upper(fiscal_code));
create unique index app_user_email_key on app_user (email) where email is not null;
create unique index app_user_fiscal_code_key on app_user (fiscal_code) where fiscal_code is not null;

-- Roles: citizen, worker, ente_admin, ente_operator, city (with a permission), spazio_operator.
-- Each grant has a validity window; revoking sets revoked_at (the row stays, for the audit trail).
create table user_role (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (role in ('citizen', 'worker', 'ente_admin', 'ente_operator', 'city', 'spazio_operator')),
  permission text check (permission in ('content', 'enti', 'requests', 'tcb_candidatures', 'tcb_matching', 'vouchers', 'users', 'statistics')),
  organization_id uuid references organization (id) on delete cascade,
  location_id uuid references location (id) on delete cascade,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  granted_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references app_user (id) on delete set null,
  check ((role = 'city') = (permission is not null)),
  check ((role in ('ente_admin', 'ente_operator')) = (organization_id is not null)),
  check ((role = 'spazio_operator') = (location_id is not null)),
  check (valid_to is null or valid_to > valid_from)
);
create index user_role_user on user_role (user_id);

-- Server-side sessions: the cookie carries a random id, the table its SHA-256.
create table user_session (
  id_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Absolute expiry; the idle expiry is last_seen_at + idle timeout.
  expires_at timestamptz not null,
  -- 'password' | 'spid' | 'cie' | 'invitation'
  method text not null,
  -- Password checked, second factor still to give (or to enrol, for City staff).
  mfa_pending boolean not null default false,
  ip text,
  user_agent text
);
create index user_session_user on user_session (user_id);

-- Single-use, expiring links and codes: e-mail verification, password reset, invitations.
create table one_time_token (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password', 'invitation')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id) on delete set null
);
create index one_time_token_user on one_time_token (user_id, purpose);

-- Pending OpenID Connect logins (state, nonce, PKCE verifier), valid a few minutes.
create table oidc_login (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text not null default '/area-personale',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

-- Outgoing e-mail: written in the same transaction as the change it reports, delivered by a worker
-- (any app node; rows are claimed with FOR UPDATE SKIP LOCKED), retried with back-off.
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_due on email_outbox (next_attempt_at) where status = 'queued';

-- Failed attempts per key ('login:email:…', 'login:ip:…', 'reset:ip:…'): rate limiting and progressive lockout.
create table auth_throttle (
  key text primary key,
  failures int not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

-- The audit log (0001), searchable per actor.
create index audit_log_actor_idx on audit_log (actor_id, at desc);
