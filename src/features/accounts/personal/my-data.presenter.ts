import type { UserRow } from '../users.repository';
import { paths } from '../../../web/paths';
import type * as repo from './personal.repository';

// "I miei dati" (GDPR art. 15 and 20): the shape of the file the person downloads, built from the rows of the
// repository, and the list of every column that points at a person and where its rows appear in the file.
// The same object feeds the JSON download and the printable summary page (my-data.view.tsx).
//
// The shape is versioned (`format`, `formatVersion`) and documented on the "I miei dati" page (the keys of
// EXPORT_SECTIONS, in this order). Version 1 (until issue 10) held the account, security, roles, sessions,
// links, e-mails, throttling and activity only; version 2 adds identities, requests with every ente's copy,
// offers, status history, conversations and attachments, complaints, reviews, notifications, uploaded files,
// applications to become an ente and the work done for an ente or the City. Keys are only added within a
// version; a key removed or changed in meaning makes a new version.

export const EXPORT_FORMAT = 'wemi-personal-data';
export const EXPORT_FORMAT_VERSION = 2;

/** The top-level keys of the file, in order, each with the message that describes it on the "I miei dati" page. */
export const EXPORT_SECTIONS = [
  'account',
  'profile',
  'identities',
  'security',
  'notificationPreferences',
  'consents',
  'roles',
  'requests',
  'complaints',
  'reviews',
  'notifications',
  'emailMessages',
  'uploadedFiles',
  'enteApplications',
  'work',
  'sessions',
  'loginDevices',
  'singleUseLinks',
  'loginThrottling',
  'activityLog',
  'notIncluded',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/**
 * Every column of the database that refers to a person's account (a foreign key to app_user), and where the
 * rows it links to the person appear in the file, or why they do not. A route test reads the foreign keys from
 * the catalogue and fails when one is missing here: a feature that adds a table with personal data must say
 * where it goes in the export.
 */
export const USER_REFERENCES: Record<string, string> = {
  'user_role.user_id': 'roles',
  'user_role.granted_by': 'work.rolesGrantedToOthers (count: the people are others)',
  'user_role.revoked_by': 'work.rolesGrantedToOthers (count: the people are others)',
  'user_session.user_id': 'sessions (without the session id hash)',
  'one_time_token.user_id': 'singleUseLinks (purpose and dates, never the token hash)',
  'one_time_token.created_by': 'work.invitationsSent (count per purpose: the invited people are others)',
  'recovery_code.user_id': 'security.recoveryCodes (counts and dates, never a code or hash)',
  'totp_enrolment.user_id': 'security.secondFactorSetupPendingSince (date only, never the secret)',
  'notification.user_id': 'notifications',
  'service_request.citizen_id': 'requests (drafts included) with chosenServices, attachments and enti',
  'ente_request.assigned_to': 'work.enteRequestsAssigned (ente, card, status: not the citizen’s data)',
  'ente_request_event.actor_id': 'requests[].enti[].statusHistory (by: you) and work.enteRequestMoves',
  'request_message.author_id': 'requests[].enti[].conversation.messages and work.messagesWritten (count per ente)',
  'review.citizen_id': 'reviews',
  'review.moderated_by': 'work.reviewsModerated (card, outcome, date: not the review text)',
  'complaint.citizen_id': 'complaints',
  'complaint.handled_by': 'work.complaintsHandled (reference, status, date)',
  'stored_file.uploaded_by': 'uploadedFiles (name, type, size, date, use: never the bytes)',
  'ente_application.applicant_id': 'enteApplications (with documents and history)',
  'ente_application.reviewer_id': 'work.applicationsReviewed',
  'ente_application_event.actor_id': 'enteApplications[].history (byYou) and work.applicationMoves',
  'service_revision.created_by': 'work.cardRevisions (authored)',
  'service_revision.decided_by': 'work.cardRevisions (decided)',
  'search_concept.updated_by': 'work.searchConceptsEdited',
  'service_status_change.actor_id': 'work.cardStatusChanges',
  'organization_revision.created_by': 'work.enteCardRevisions (authored)',
  'organization_revision.decided_by': 'work.enteCardRevisions (decided)',
  'login_device.user_id': 'loginDevices (first and last seen: never the device cookie or its hash)',
};

/** Not a foreign key, but about the person: where those rows appear. */
export const OTHER_PERSONAL_ROWS: Record<string, string> = {
  'app_user.*': 'account, profile, identities, security, notificationPreferences, consents',
  'audit_log.actor_id / actor_label / target': 'activityLog (others’ identities, IP addresses, e-mail addresses and account ids left out)',
  'email_outbox.to_address': 'emailMessages (subject, status, dates: not the body)',
  'auth_throttle.key': 'loginThrottling (counters on the person’s address and account)',
  'request_thread_read (side citizen)': 'requests[].enti[].conversation.lastReadByYouAt',
  'service_request_attachment, service_request_target': 'requests[].attachments, requests[].chosenServices',
  'ente_application_submission': 'enteApplications[].submissions (each sending, with the form as sent)',
  'page_feedback': 'not included: anonymous, no account or IP address is stored with it',
  'oidc_login': 'not included: a login under way for a few minutes, with no account id',
};

/** What a file is attached to now. */
export type FileUse = 'request-attachment' | 'message-attachment' | 'offer' | 'ente-application-document' | 'ente-card' | 'none';

export interface FileMeta {
  name: string;
  type: string;
  sizeBytes: number;
  uploadedAt: Date;
  /** Where the person can download it while logged in (absolute URL), when there is a page for it. */
  link?: string;
}

export interface ExportMessage {
  at: Date;
  /** Who wrote it: the person ('you') or the ente (named by the ente: its operators' names are theirs). */
  from: 'you' | 'ente';
  author: string;
  text: string;
  attachment: FileMeta | null;
}

export interface ExportEnteCopy {
  organization: string;
  service: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  offeredAt: Date | null;
  acceptedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  declineReason: string | null;
  offer: {
    priceComputed: number | null;
    price: number | null;
    periodFrom: string | null;
    periodTo: string | null;
    timeBand: string | null;
    expiresOn: string | null;
    notes: string | null;
    file: FileMeta | null;
  } | null;
  statusHistory: { at: Date; from: string | null; to: string; by: 'you' | 'ente' | 'system'; note: string | null }[];
  conversation: { lastReadByYouAt: Date | null; messages: ExportMessage[] };
}

export interface ExportRequest {
  reference: string;
  status: 'draft' | 'sent';
  serviceType: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  stepReached: number;
  details: {
    forWhom: 'self' | 'other' | null;
    beneficiaryName: string;
    beneficiaryRelation: string;
    needs: string;
    periodFrom: string | null;
    periodTo: string | null;
    days: string[];
    timeBands: string[];
    municipio: string | null;
    address: string;
    people: number | null;
    units: number | null;
    notes: string;
    paymentMethod: string;
  };
  chosenServices: { service: string; organization: string }[];
  attachments: FileMeta[];
  enti: ExportEnteCopy[];
}

export interface ExportActivity {
  at: Date;
  action: string;
  byMe: boolean;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The file. */
export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  generatedAt: Date;
  documentation: string;
  controller: { name: string; address: string; dpo: string };
  legalBasis: string;
  account: { id: string; kind: string; status: string; createdAt: Date; lastLoginAt: Date | null };
  profile: { givenName: string; familyName: string; fiscalCode: string | null; birthDate: string | null; email: string | null; emailVerifiedAt: Date | null; phone: string | null };
  identities: {
    spidCie: { linked: boolean; fiscalCode: string | null };
    password: { set: boolean };
    logins: { method: string; count: number; firstAt: Date; lastAt: Date }[];
  };
  security: {
    passwordSet: boolean;
    secondFactorEnabled: boolean;
    secondFactorEnabledAt: Date | null;
    secondFactorSetupPendingSince: Date | null;
    recoveryCodes: { total: number; remaining: number; generatedAt: Date | null; lastUsedAt: Date | null };
  };
  notificationPreferences: { email: boolean; requests: boolean; news: boolean };
  consents: { type: 'privacy-notice'; version: string | null; acceptedAt: Date | null; currentVersion: string }[];
  roles: { role: string; permission: string | null; organization: string | null; spazioWemi: string | null; validFrom: Date; validTo: Date | null; grantedAt: Date; revokedAt: Date | null }[];
  requests: ExportRequest[];
  complaints: {
    reference: string;
    request: string;
    organization: string;
    subject: string;
    text: string;
    status: string;
    createdAt: Date;
    updatedAt: Date;
    answer: string | null;
    answeredAt: Date | null;
  }[];
  reviews: {
    request: string;
    service: string;
    organization: string;
    ratings: { overall: number; punctuality: number; speed: number; professionalism: number };
    comment: string | null;
    commentStatus: string;
    moderatedAt: Date | null;
    moderationNote: string | null;
    enteReply: string | null;
    enteReplyAt: Date | null;
    createdAt: Date;
  }[];
  notifications: { kind: string; title: string; link: string; createdAt: Date; readAt: Date | null }[];
  emailMessages: { subject: string; status: string; createdAt: Date; sentAt: Date | null }[];
  uploadedFiles: (FileMeta & { usedFor: FileUse })[];
  enteApplications: {
    reference: string;
    status: string;
    organization: string | null;
    createdAt: Date;
    updatedAt: Date;
    firstSubmittedAt: Date | null;
    submittedAt: Date | null;
    decidedAt: Date | null;
    decisionReason: string | null;
    form: Record<string, unknown>;
    cityNotes: Record<string, unknown>;
    documents: (FileMeta & { kind: string })[];
    submissions: { number: number; submittedAt: Date; form: Record<string, unknown> }[];
    history: { at: Date; from: string | null; to: string; byYou: boolean; note: string | null }[];
  }[];
  work: {
    enteRequestsAssigned: { organization: string; service: string; status: string; updatedAt: Date }[];
    enteRequestMoves: { organization: string; from: string | null; to: string; at: Date }[];
    messagesWritten: { organization: string; count: number; lastAt: Date }[];
    cardRevisions: { service: string; number: number; status: string; authored: boolean; decided: boolean; createdAt: Date; submittedAt: Date | null; decidedAt: Date | null }[];
    cardStatusChanges: { service: string; action: string; from: string; to: string; at: Date }[];
    enteCardRevisions: { organization: string; number: number; status: string; authored: boolean; decided: boolean; submittedAt: Date; decidedAt: Date | null }[];
    applicationsReviewed: { reference: string; status: string; decidedAt: Date | null }[];
    applicationMoves: { reference: string; from: string | null; to: string; at: Date }[];
    complaintsHandled: { reference: string; status: string; answeredAt: Date | null }[];
    reviewsModerated: { service: string; outcome: string; at: Date | null }[];
    searchConceptsEdited: { label: string; kind: string; updatedAt: Date }[];
    rolesGrantedToOthers: { granted: number; revoked: number };
    invitationsSent: { purpose: string; count: number; lastAt: Date }[];
  };
  sessions: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; method: string; secondFactorPending: boolean; ip: string | null; userAgent: string | null; current: boolean }[];
  loginDevices: { firstSeenAt: Date; lastSeenAt: Date }[];
  singleUseLinks: { purpose: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  loginThrottling: { failures: number; windowStartedAt: Date; lockedUntil: Date | null }[];
  activityLog: ExportActivity[];
  notIncluded: Record<string, string>;
}

/** Everything the repository read about the person. */
export interface ExportRows {
  secondFactor: repo.ExportSecondFactor;
  roles: repo.ExportRole[];
  sessions: repo.SessionView[];
  tokens: Awaited<ReturnType<typeof repo.allTokens>>;
  mails: Awaited<ReturnType<typeof repo.mailsTo>>;
  audit: repo.ExportAuditRow[];
  /** Of the ids found in the activity log, those that are accounts. */
  accountIds: Set<string>;
  throttle: Awaited<ReturnType<typeof repo.throttleEntries>>;
  logins: Awaited<ReturnType<typeof repo.loginsByMethod>>;
  requests: repo.ExportRequestRow[];
  targets: Awaited<ReturnType<typeof repo.exportRequestTargets>>;
  attachments: Awaited<ReturnType<typeof repo.exportRequestAttachments>>;
  enteRequests: repo.ExportEnteRequestRow[];
  events: Awaited<ReturnType<typeof repo.exportEnteRequestEvents>>;
  messages: Awaited<ReturnType<typeof repo.exportMessages>>;
  complaints: repo.ExportComplaintRow[];
  reviews: repo.ExportReviewRow[];
  notifications: Awaited<ReturnType<typeof repo.exportNotifications>>;
  files: Awaited<ReturnType<typeof repo.exportUploadedFiles>>;
  applications: repo.ExportApplicationRow[];
  applicationDocuments: Awaited<ReturnType<typeof repo.exportApplicationDocuments>>;
  applicationEvents: Awaited<ReturnType<typeof repo.exportApplicationEvents>>;
  applicationSubmissions: Awaited<ReturnType<typeof repo.exportApplicationSubmissions>>;
  loginDevices: Awaited<ReturnType<typeof repo.exportLoginDevices>>;
  work: repo.ExportWork;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
/** What replaces another person's identifier in the activity log. */
export const OTHER_PERSON = '[altra persona]';

/** Every UUID in the activity log (targets and details), to ask which of them are accounts. */
export function idsInAudit(rows: readonly repo.ExportAuditRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) for (const m of `${r.target_id ?? ''} ${JSON.stringify(r.details)}`.matchAll(UUID)) ids.add(m[0].toLowerCase());
  return [...ids];
}

/**
 * An entry of the activity log without other people's identifiers: another account's id or an e-mail
 * address that is not the person's own becomes OTHER_PERSON, in the target and anywhere in the details.
 */
function scrubEntry(r: repo.ExportAuditRow, me: UserRow, accounts: Set<string>): ExportActivity {
  const own = (me.email ?? '').toLowerCase();
  const scrub = (s: string) =>
    s.replace(UUID, (id) => (accounts.has(id.toLowerCase()) && id.toLowerCase() !== me.id ? OTHER_PERSON : id)).replace(EMAIL, (e) => (e.toLowerCase() === own ? e : OTHER_PERSON));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return {
    at: r.at,
    action: r.action,
    byMe: r.by_me,
    targetType: r.target_type,
    targetId: r.target_id === null ? null : scrub(r.target_id),
    ip: r.ip,
    details: walk(r.details ?? {}) as Record<string, unknown>,
  };
}

const file = (f: repo.ExportFileMeta, link?: string): FileMeta | null =>
  f.file_name === null || f.file_type === null || f.file_size === null || f.file_at === null
    ? null
    : { name: f.file_name, type: f.file_type, sizeBytes: f.file_size, uploadedAt: f.file_at, ...(link ? { link } : {}) };

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export const NOT_INCLUDED: Record<string, string> = {
  pageFeedback: 'Le valutazioni delle pagine sono anonime: non sono collegate al tuo account.',
  credentials:
    'Password, codici segreti della verifica in due passaggi, codici di recupero e identificativi di sessione sono credenziali di sicurezza: indichiamo solo se sono impostati, da quando e quanti codici di recupero restano.',
  emailBodies: 'Il testo dei messaggi e-mail non è incluso perché può contenere link personali ancora validi.',
  fileContents: 'Dei file allegati indichiamo nome, tipo, dimensione e data, con il link per scaricarli dall’area personale: il contenuto non è nel file.',
  otherPeople:
    'Chi ti ha assegnato un ruolo o ha operato sul tuo account o sulle tue richieste non è indicato, e nel registro delle attività gli identificativi e gli indirizzi e-mail di altre persone sono sostituiti da "[altra persona]": sono dati di altre persone. Nelle conversazioni i messaggi dell’ente sono firmati con il nome dell’ente.',
  othersRequests: 'Del lavoro svolto per un ente o per il Comune indichiamo solo enti, schede, stati, date e conteggi: le richieste dei cittadini sono dati loro.',
};

export function buildExport(me: UserRow, rows: ExportRows, opts: { currentIdHash: string; baseUrl: string; privacyVersion: string; now: Date }): PersonalDataExport {
  const abs = (path: string) => `${opts.baseUrl}${path}`;
  const targets = groupBy(rows.targets, (r) => r.request_id);
  const attachments = groupBy(rows.attachments, (r) => r.request_id);
  const copies = groupBy(rows.enteRequests, (r) => r.request_id);
  const events = groupBy(rows.events, (r) => r.ente_request_id);
  const messages = groupBy(rows.messages, (r) => r.ente_request_id);
  const documents = groupBy(rows.applicationDocuments, (r) => r.application_id);
  const appEvents = groupBy(rows.applicationEvents, (r) => r.application_id);
  const submissions = groupBy(rows.applicationSubmissions, (r) => r.application_id);

  const enteCopy = (e: repo.ExportEnteRequestRow): ExportEnteCopy => {
    const hasOffer = e.offered_at !== null || e.offer_price !== null;
    return {
      organization: e.organization,
      service: e.service,
      status: e.status,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
      firstResponseAt: e.first_response_at,
      offeredAt: e.offered_at,
      acceptedAt: e.accepted_at,
      startedAt: e.started_at,
      completedAt: e.completed_at,
      closedAt: e.closed_at,
      declineReason: e.decline_reason,
      offer: hasOffer
        ? {
            priceComputed: e.offer_price_computed,
            price: e.offer_price,
            periodFrom: e.offer_period_from,
            periodTo: e.offer_period_to,
            timeBand: e.offer_time_band,
            expiresOn: e.offer_expires_on,
            notes: e.offer_notes,
            file: file(e, abs(paths.requestQuote(e.request_id, e.id))),
          }
        : null,
      statusHistory: (events.get(e.id) ?? []).map((ev) => ({ at: ev.at, from: ev.from_status, to: ev.to_status, by: ev.by, note: ev.note })),
      conversation: {
        lastReadByYouAt: e.read_at,
        messages: (messages.get(e.id) ?? []).map((m) => ({
          at: m.created_at,
          from: m.author_side === 'citizen' ? ('you' as const) : ('ente' as const),
          author: m.author_side === 'citizen' ? `${me.given_name} ${me.family_name}`.trim() : e.organization,
          text: m.body,
          attachment: file(m, abs(paths.requestMessageFile(m.request_id, m.ente_request_id, m.id))),
        })),
      },
    };
  };

  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    generatedAt: opts.now,
    documentation: abs(`${paths.myData()}#formato`),
    controller: { name: 'Comune di Milano', address: 'Piazza della Scala 2, 20121 Milano', dpo: 'dpo@comune.milano.it' },
    legalBasis: 'Regolamento (UE) 2016/679, articoli 15 e 20',
    account: { id: me.id, kind: me.kind, status: me.status, createdAt: me.created_at, lastLoginAt: me.last_login_at },
    profile: {
      givenName: me.given_name,
      familyName: me.family_name,
      fiscalCode: me.fiscal_code,
      birthDate: me.birth_date,
      email: me.email,
      emailVerifiedAt: me.email_verified_at,
      phone: me.phone,
    },
    identities: {
      spidCie: { linked: me.fiscal_code !== null, fiscalCode: me.fiscal_code },
      password: { set: me.password_hash !== null },
      logins: rows.logins.map((l) => ({ method: l.method, count: l.count, firstAt: l.first_at, lastAt: l.last_at })),
    },
    security: {
      passwordSet: me.password_hash !== null,
      secondFactorEnabled: me.totp_enabled_at !== null,
      secondFactorEnabledAt: me.totp_enabled_at,
      secondFactorSetupPendingSince: rows.secondFactor.setup_started_at,
      recoveryCodes: {
        total: rows.secondFactor.codes_total,
        remaining: rows.secondFactor.codes_remaining,
        generatedAt: rows.secondFactor.codes_generated_at,
        lastUsedAt: rows.secondFactor.codes_last_used_at,
      },
    },
    notificationPreferences: { email: me.notify_email, requests: me.notify_requests, news: me.notify_news },
    consents: [{ type: 'privacy-notice', version: me.privacy_version, acceptedAt: me.privacy_accepted_at, currentVersion: opts.privacyVersion }],
    roles: rows.roles.map((r) => ({
      role: r.role,
      permission: r.permission,
      organization: r.organization,
      spazioWemi: r.spazio_wemi,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      grantedAt: r.granted_at,
      revokedAt: r.revoked_at,
    })),
    requests: rows.requests.map((r) => ({
      reference: r.reference,
      status: r.status,
      serviceType: r.service_type,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
      stepReached: r.step,
      details: {
        forWhom: r.for_whom,
        beneficiaryName: r.beneficiary_name,
        beneficiaryRelation: r.beneficiary_relation,
        needs: r.needs,
        periodFrom: r.period_from,
        periodTo: r.period_to,
        days: r.days,
        timeBands: r.time_bands,
        municipio: r.municipio,
        address: r.address,
        people: r.people,
        units: r.units,
        notes: r.notes,
        paymentMethod: r.payment_method,
      },
      chosenServices: (targets.get(r.id) ?? []).map((x) => ({ service: x.service, organization: x.organization })),
      attachments: (attachments.get(r.id) ?? []).flatMap((a) => file(a, abs(paths.requestAttachment(r.id, a.id))) ?? []),
      enti: (copies.get(r.id) ?? []).map(enteCopy),
    })),
    complaints: rows.complaints.map((c) => ({
      reference: c.reference,
      request: c.request_reference,
      organization: c.organization,
      subject: c.subject,
      text: c.body,
      status: c.status,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      answer: c.answer,
      answeredAt: c.answered_at,
    })),
    reviews: rows.reviews.map((v) => ({
      request: v.request_reference,
      service: v.service,
      organization: v.organization,
      ratings: { overall: v.overall, punctuality: v.punctuality, speed: v.speed, professionalism: v.professionalism },
      comment: v.comment,
      commentStatus: v.comment_status,
      moderatedAt: v.moderated_at,
      moderationNote: v.moderation_note,
      enteReply: v.ente_reply,
      enteReplyAt: v.ente_reply_at,
      createdAt: v.created_at,
    })),
    notifications: rows.notifications.map((n) => ({ kind: n.kind, title: n.title, link: n.link, createdAt: n.created_at, readAt: n.read_at })),
    emailMessages: rows.mails.map((m) => ({ subject: m.subject, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
    uploadedFiles: rows.files.map((f) => ({ name: f.file_name, type: f.file_type, sizeBytes: f.file_size, uploadedAt: f.file_at, usedFor: f.used_for as FileUse })),
    enteApplications: rows.applications.map((a) => ({
      reference: a.reference,
      status: a.status,
      organization: a.organization,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      firstSubmittedAt: a.first_submitted_at,
      submittedAt: a.submitted_at,
      decidedAt: a.decided_at,
      decisionReason: a.decision_reason,
      form: a.data,
      cityNotes: a.section_notes,
      documents: (documents.get(a.id) ?? []).flatMap((d) => {
        const meta = file(d, abs(paths.applicationDocument(a.id, d.id)));
        return meta ? [{ ...meta, kind: d.kind }] : [];
      }),
      submissions: (submissions.get(a.id) ?? []).map((x) => ({ number: x.number, submittedAt: x.submitted_at, form: x.data })),
      history: (appEvents.get(a.id) ?? []).map((ev) => ({ at: ev.at, from: ev.from_status, to: ev.to_status, byYou: ev.by_me, note: ev.note })),
    })),
    work: {
      enteRequestsAssigned: rows.work.assigned.map((w) => ({ organization: w.organization, service: w.service, status: w.status, updatedAt: w.updated_at })),
      enteRequestMoves: rows.work.moves.map((w) => ({ organization: w.organization, from: w.from_status, to: w.to_status, at: w.at })),
      messagesWritten: rows.work.messages.map((w) => ({ organization: w.organization, count: w.count, lastAt: w.last_at })),
      cardRevisions: rows.work.revisions.map((w) => ({
        service: w.service,
        number: w.number,
        status: w.status,
        authored: w.authored,
        decided: w.decided,
        createdAt: w.created_at,
        submittedAt: w.submitted_at,
        decidedAt: w.decided_at,
      })),
      cardStatusChanges: rows.work.status_changes.map((w) => ({ service: w.service, action: w.action, from: w.from_status, to: w.to_status, at: w.at })),
      enteCardRevisions: rows.work.ente_card_revisions.map((w) => ({
        organization: w.organization,
        number: w.number,
        status: w.status,
        authored: w.authored,
        decided: w.decided,
        submittedAt: w.submitted_at,
        decidedAt: w.decided_at,
      })),
      applicationsReviewed: rows.work.applications.map((w) => ({ reference: w.reference, status: w.status, decidedAt: w.decided_at })),
      applicationMoves: rows.work.application_moves.map((w) => ({ reference: w.reference, from: w.from_status, to: w.to_status, at: w.at })),
      complaintsHandled: rows.work.complaints.map((w) => ({ reference: w.reference, status: w.status, answeredAt: w.answered_at })),
      reviewsModerated: rows.work.moderations.map((w) => ({ service: w.service, outcome: w.comment_status, at: w.moderated_at })),
      searchConceptsEdited: rows.work.concepts.map((w) => ({ label: w.label, kind: w.kind, updatedAt: w.updated_at })),
      rolesGrantedToOthers: rows.work.roles,
      invitationsSent: rows.work.invitations.map((w) => ({ purpose: w.purpose, count: w.count, lastAt: w.last_at })),
    },
    sessions: rows.sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      method: s.method,
      secondFactorPending: s.mfa_pending,
      ip: s.ip,
      userAgent: s.user_agent,
      current: s.id_hash === opts.currentIdHash,
    })),
    loginDevices: rows.loginDevices.map((d) => ({ firstSeenAt: d.first_seen_at, lastSeenAt: d.last_seen_at })),
    singleUseLinks: rows.tokens.map((k) => ({ purpose: k.purpose, createdAt: k.created_at, expiresAt: k.expires_at, usedAt: k.used_at })),
    loginThrottling: rows.throttle.map((r) => ({ failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until })),
    activityLog: rows.audit.map((a) => scrubEntry(a, me, rows.accountIds)),
    notIncluded: NOT_INCLUDED,
  };
}
