import type { AdminOrgAction } from '../features/catalogue-admin/org-status';
import type { CityControlAction } from '../features/service-cards/card-control.state';
import type { DocumentKind } from '../features/enti/enti.presenter';
import type { Decision } from '../features/reviews/reviews.view';

// Typed path builders: routes, links, redirects, e-mails and tests build every URL of the application here, by area:
// `paths` (public site, accounts, personal area and the citizen's requests), `entePaths` (ente back office) and
// `cityPaths` (City back office). Each builder encodes its parameters.
//
// Routes register Fastify patterns ('/gestione-ente/:enteId/…'). A pattern a route takes from here lives in
// `patterns`, and the builder of the same page fills that very pattern (`fill`): the two cannot drift.

const enc = encodeURIComponent;

/** The pattern with its `:params` replaced, in order, by the values (encoded). */
function fill(pattern: string, ...values: readonly (string | number)[]): string {
  let i = 0;
  const out = pattern.replace(/:[A-Za-z]+/g, () => enc(String(values[i++])));
  if (i !== values.length) throw new Error(`${pattern} takes ${i} values, not ${values.length}`);
  return out;
}

/** The page announcing the outcome of the previous action (`?esito=…`, read after a redirect). */
export const withNotice = (path: string, notice: string) => `${path}${path.includes('?') ? '&' : '?'}esito=${enc(notice)}`;

/** URL segments of the City's actions on an ente. */
const ORG_ACTION_SEGMENTS = { suspend: 'sospendi', revoke: 'revoca', reactivate: 'riattiva' } as const satisfies Record<AdminOrgAction, string>;

/** URL segments of the City's actions on a single service card (card-control.state.ts). */
const CARD_ACTION_SEGMENTS = { suspend: 'sospendi', withdraw: 'ritira', reactivate: 'riattiva' } as const satisfies Record<CityControlAction, string>;
type CardCityAction = CityControlAction;

/** Fastify patterns of the routes registered from here, next to the builders that fill them. */
export const patterns = {
  requestReview: '/richieste/:requestId/enti/:enteRequestId/recensione',
  ente: {
    serviceCards: '/gestione-ente/:enteId/schede',
    serviceCardNew: '/gestione-ente/:enteId/schede/nuova',
    serviceCard: '/gestione-ente/:enteId/schede/:serviceId',
    revisionStart: '/gestione-ente/:enteId/schede/:serviceId/revisioni',
    revisionEdit: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/modifica',
    revisionPreview: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/anteprima',
    revisionSubmit: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/invia',
    revisionWithdraw: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/ritira',
    serviceCardOffline: '/gestione-ente/:enteId/schede/:serviceId/metti-offline',
    serviceCardOnline: '/gestione-ente/:enteId/schede/:serviceId/rimetti-online',
    reviews: '/gestione-ente/:enteId/recensioni',
    reviewReply: '/gestione-ente/:enteId/recensioni/:reviewId/risposta',
  },
  city: {
    userSuspend: '/gestione-wemi/utenti/:id/sospendi',
    userReactivate: '/gestione-wemi/utenti/:id/riattiva',
    revisions: '/gestione-wemi/schede',
    revision: '/gestione-wemi/schede/:revisionId',
    revisionPreview: '/gestione-wemi/schede/:revisionId/anteprima',
    revisionApprove: '/gestione-wemi/schede/:revisionId/approva',
    revisionChanges: '/gestione-wemi/schede/:revisionId/modifiche',
    termDeactivate: '/gestione-wemi/tassonomie/:kind/termini/:id/disattiva',
    termReactivate: '/gestione-wemi/tassonomie/:kind/termini/:id/riattiva',
    enteAction: (action: AdminOrgAction) => `/gestione-wemi/enti/:id/${ORG_ACTION_SEGMENTS[action]}`,
    card: '/gestione-wemi/schede-catalogo/:serviceId',
    cardAction: (action: CardCityAction) => `/gestione-wemi/schede-catalogo/:serviceId/${CARD_ACTION_SEGMENTS[action]}`,
    reviews: '/gestione-wemi/recensioni',
    reviewDecide: '/gestione-wemi/recensioni/:reviewId/:decision',
  },
} as const;

const ente = patterns.ente;
const city = patterns.city;

export const paths = {
  // Public site
  home: () => '/',
  services: (query?: Record<string, string | number | boolean | readonly string[] | undefined>) => {
    if (!query) return '/servizi';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === '' || v === false) continue;
      if (Array.isArray(v)) for (const x of v) params.append(k, String(x));
      else params.set(k, String(v));
    }
    const s = params.toString();
    return s ? `/servizi?${s}` : '/servizi';
  },
  service: (slug: string) => `/servizi/${enc(slug)}`,
  enti: () => '/enti',
  ente: (slug: string) => `/enti/${enc(slug)}`,
  enteLogo: (slug: string) => `${paths.ente(slug)}/logo`,
  enteDocument: (slug: string, kind: DocumentKind) => `${paths.ente(slug)}/documenti/${enc(kind)}`,
  spazi: (municipio?: number) => (municipio ? `/spazi-wemi?municipio=${municipio}` : '/spazi-wemi'),
  spazio: (slug: string) => `/spazi-wemi/${enc(slug)}`,
  section: (slug: string) => `/aree/${enc(slug)}`,
  category: (slug: string) => `/categorie/${enc(slug)}`,
  cityServices: () => '/servizi-del-comune',
  cityService: (slug: string) => `/servizi-del-comune/${enc(slug)}`,
  page: (slug: 'faq' | 'privacy' | 'note-legali' | 'accessibilita' | 'contatti' | 'mappa-del-sito' | 'piano-di-miglioramento') => `/${slug}`,
  // Topics ("Argomenti" of the Designers Italia model)
  topics: () => '/argomenti',
  topic: (slug: string) => `/argomenti/${enc(slug)}`,
  feedback: () => '/feedback',
  autocomplete: () => '/api/v1/autocomplete',
  /** The search API with the same parameters as /servizi. */
  apiServices: (query?: Record<string, string | number | boolean | readonly string[] | undefined>) => `/api/v1/services${paths.services(query).slice('/servizi'.length)}`,

  // Becoming an ente: the open call, then the applicant's applications (drafts, documents, summary, sending).
  openCall: () => '/diventa-ente',
  myApplications: () => '/diventa-ente/domanda',
  application: (id: string) => `/diventa-ente/domanda/${enc(id)}`,
  applicationEdit: (id: string) => `${paths.application(id)}/modifica`,
  applicationSummary: (id: string) => `${paths.application(id)}/riepilogo`,
  applicationSend: (id: string) => `${paths.application(id)}/invia`,
  applicationDocument: (id: string, documentId: string) => `${paths.application(id)}/documenti/${enc(documentId)}`,
  applicationDocumentRemove: (id: string, documentId: string) => `${paths.applicationDocument(id, documentId)}/elimina`,

  // Accounts: login, second factor, e-mail links.
  login: (returnTo?: string) => (returnTo ? `/accedi?ritorno=${enc(returnTo)}` : '/accedi'),
  loginSpid: () => '/accedi/spid',
  loginCie: () => '/accedi/cie',
  loginPassword: () => '/accedi/credenziali',
  loginSecondFactor: () => '/accedi/verifica',
  /** The second factor with a single-use recovery code instead. */
  loginRecovery: () => '/accedi/verifica/recupero',
  /** The e-mailed link that lets the owner sign in from this browser despite a lock (request, then the link). */
  loginUnlock: () => '/accedi/sblocco',
  loginUnlockLink: (token: string) => `/accedi/sblocco/${enc(token)}`,
  oidcCallback: () => '/accedi/oidc/callback',
  logout: () => '/esci',
  forgotPassword: () => '/password-dimenticata',
  resetPassword: (token: string) => `/reimposta-password/${enc(token)}`,
  verifyEmail: (token: string) => `/verifica-email/${enc(token)}`,
  invitation: (token: string) => `/invito/${enc(token)}`,
  register: () => '/registrati',

  // Personal area
  personalArea: () => '/area-personale',
  profile: () => '/area-personale/profilo',
  privacyConsent: () => '/area-personale/privacy',
  notifications: () => '/area-personale/notifiche',
  security: () => '/area-personale/sicurezza',
  securityPassword: () => `${paths.security()}/password`,
  securitySecondFactor: () => `${paths.security()}/verifica-in-due-passaggi`,
  securitySecondFactorConfirm: () => `${paths.securitySecondFactor()}/conferma`,
  securitySecondFactorOff: () => `${paths.securitySecondFactor()}/disattiva`,
  securityRecoveryCodes: () => `${paths.security()}/codici-di-recupero`,
  sessions: () => '/area-personale/sessioni',
  sessionEnd: () => `${paths.sessions()}/termina`,
  sessionEndOthers: () => `${paths.sessions()}/termina-altre`,
  /** Keeps the session alive (the expiry warning's button). */
  sessionRenew: () => '/sessione/rinnova',
  myData: () => '/area-personale/i-miei-dati',
  /** The download of "I miei dati" (JSON) and its printable summary page. */
  myDataJson: () => '/area-personale/i-miei-dati.json',
  myDataSummary: () => '/area-personale/i-miei-dati/riepilogo',
  deleteAccount: () => '/area-personale/elimina-account',
  /** Public: where a person lands right after deleting their account (no session any more). */
  accountDeleted: () => '/account-eliminato',
  myRequests: () => '/area-personale/richieste',
  /** The notifications received (the settings are at `notifications`). */
  inbox: () => '/area-personale/notifiche-ricevute',
  inboxRead: () => '/area-personale/notifiche-ricevute/lette',

  // The citizen's requests: the stepper, sending, the comparison of offers and, per ente, the quote, acceptance,
  // withdrawal, conversation, complaint and review.
  /** The confirmation page before a draft is created (GET); its form POSTs to `requestNew`. */
  requestStart: (serviceSlug: string) => `${paths.requestNew()}?servizio=${enc(serviceSlug)}`,
  requestNew: () => '/richieste/nuova',
  request: (id: string) => `/richieste/${enc(id)}`,
  requestStep: (id: string, step: number) => `${paths.request(id)}/passo/${step}`,
  requestSend: (id: string) => `${paths.request(id)}/invia`,
  requestSent: (id: string) => `${paths.request(id)}/inviata`,
  requestWithdraw: (id: string) => `${paths.request(id)}/ritira`,
  requestAttachment: (id: string, attachmentId: string) => `${paths.request(id)}/allegati/${enc(attachmentId)}`,
  requestQuote: (id: string, enteRequestId: string) => `${paths.request(id)}/enti/${enc(enteRequestId)}/preventivo`,
  requestAccept: (id: string, enteRequestId: string) => `${paths.request(id)}/enti/${enc(enteRequestId)}/accetta`,
  requestWithdrawEnte: (id: string, enteRequestId: string) => `${paths.request(id)}/enti/${enc(enteRequestId)}/ritira`,
  requestMessages: (id: string, enteRequestId: string) => `${paths.request(id)}/enti/${enc(enteRequestId)}/messaggi`,
  requestMessageFile: (id: string, enteRequestId: string, messageId: string) => `${paths.requestMessages(id, enteRequestId)}/${enc(messageId)}/allegato`,
  requestComplaint: (id: string, enteRequestId: string) => `${paths.request(id)}/enti/${enc(enteRequestId)}/reclamo`,
  requestReview: (id: string, enteRequestId: string) => fill(patterns.requestReview, id, enteRequestId),

  // The landing pages of the back offices (the pages inside are in entePaths and cityPaths).
  enteBackOffice: () => '/gestione-ente',
  cityBackOffice: () => '/gestione-wemi',
} as const;

/** Ente back office: /gestione-ente/<ente id>/… */
export const entePaths = {
  home: (enteId: string) => `${paths.enteBackOffice()}/${enc(enteId)}`,
  // The ente card, sites, Spazi WeMi, public documents, operators.
  card: (enteId: string) => `${entePaths.home(enteId)}/scheda-ente`,
  /** The ente takes back its request to change the public facts of its card (waiting for the City). */
  cardWithdraw: (enteId: string) => `${entePaths.card(enteId)}/ritira-richiesta`,
  logo: (enteId: string) => `${entePaths.card(enteId)}/logo`,
  logoRemove: (enteId: string) => `${entePaths.logo(enteId)}/rimuovi`,
  sites: (enteId: string) => `${entePaths.home(enteId)}/sedi`,
  siteNew: (enteId: string) => `${entePaths.sites(enteId)}/nuova`,
  site: (enteId: string, siteId: string) => `${entePaths.sites(enteId)}/${enc(siteId)}`,
  siteRemove: (enteId: string, siteId: string) => `${entePaths.site(enteId, siteId)}/rimuovi`,
  spazi: (enteId: string) => `${entePaths.home(enteId)}/spazi`,
  documents: (enteId: string) => `${entePaths.home(enteId)}/documenti`,
  document: (enteId: string, kind: DocumentKind) => `${entePaths.documents(enteId)}/${enc(kind)}`,
  operators: (enteId: string) => `${entePaths.home(enteId)}/operatori`,
  operatorInvite: (enteId: string) => `${entePaths.operators(enteId)}/invita`,
  operatorRemove: (enteId: string, userId: string) => `${entePaths.operators(enteId)}/${enc(userId)}/rimuovi`,
  // Service cards and their revisions.
  serviceCards: (enteId: string) => fill(ente.serviceCards, enteId),
  serviceCardNew: (enteId: string) => fill(ente.serviceCardNew, enteId),
  serviceCard: (enteId: string, serviceId: string) => fill(ente.serviceCard, enteId, serviceId),
  revisionStart: (enteId: string, serviceId: string) => fill(ente.revisionStart, enteId, serviceId),
  revisionEdit: (enteId: string, serviceId: string, revisionId: string) => fill(ente.revisionEdit, enteId, serviceId, revisionId),
  revisionPreview: (enteId: string, serviceId: string, revisionId: string) => fill(ente.revisionPreview, enteId, serviceId, revisionId),
  revisionSubmit: (enteId: string, serviceId: string, revisionId: string) => fill(ente.revisionSubmit, enteId, serviceId, revisionId),
  revisionWithdraw: (enteId: string, serviceId: string, revisionId: string) => fill(ente.revisionWithdraw, enteId, serviceId, revisionId),
  /** The ente takes its published card offline, and puts it back online (confirmation pages that post). */
  serviceCardOffline: (enteId: string, serviceId: string) => fill(ente.serviceCardOffline, enteId, serviceId),
  serviceCardOnline: (enteId: string, serviceId: string) => fill(ente.serviceCardOnline, enteId, serviceId),
  // Requests (inbox, one request and the moves on it, its conversation).
  requests: (enteId: string) => `${entePaths.home(enteId)}/richieste`,
  request: (enteId: string, id: string) => `${entePaths.requests(enteId)}/${enc(id)}`,
  requestFile: (enteId: string, id: string, fileId: string) => `${entePaths.request(enteId, id)}/file/${enc(fileId)}`,
  requestAssign: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/assegna`,
  requestTake: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/prendi-in-carico`,
  requestOffer: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/offerta`,
  requestDecline: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/rifiuta`,
  requestStart: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/avvia`,
  requestComplete: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/completa`,
  requestMessages: (enteId: string, id: string) => `${entePaths.request(enteId, id)}/messaggi`,
  requestMessageFile: (enteId: string, id: string, messageId: string) => `${entePaths.requestMessages(enteId, id)}/${enc(messageId)}/allegato`,
  // Reviews and the ente's reply.
  reviews: (enteId: string) => fill(ente.reviews, enteId),
  reviewReply: (enteId: string, reviewId: string) => fill(ente.reviewReply, enteId, reviewId),
} as const;

/** City back office: /gestione-wemi/… */
const cityBase = paths.cityBackOffice();
export const cityPaths = {
  // Users, roles, invitations, the audit log.
  users: () => `${cityBase}/utenti`,
  user: (id: string) => `${cityPaths.users()}/${enc(id)}`,
  userGrantRole: (id: string) => `${cityPaths.user(id)}/ruoli/nuovo`,
  userRevokeRole: (id: string, roleId: string) => `${cityPaths.user(id)}/ruoli/${enc(roleId)}/revoca`,
  userSuspend: (id: string) => fill(city.userSuspend, id),
  userReactivate: (id: string) => fill(city.userReactivate, id),
  invite: () => `${cityPaths.users()}/invita`,
  audit: () => `${cityBase}/registro-attivita`,
  auditCsv: () => `${cityPaths.audit()}.csv`,
  // Applications of enti to join WeMi.
  applications: () => `${cityBase}/domande`,
  application: (id: string) => `${cityPaths.applications()}/${enc(id)}`,
  applicationDocument: (id: string, documentId: string) => `${cityPaths.application(id)}/documenti/${enc(documentId)}`,
  applicationReview: (id: string) => `${cityPaths.application(id)}/prendi-in-carico`,
  applicationChanges: (id: string) => `${cityPaths.application(id)}/richiedi-modifiche`,
  applicationQualify: (id: string) => `${cityPaths.application(id)}/qualifica`,
  applicationReject: (id: string) => `${cityPaths.application(id)}/respingi`,
  // Revisions of service cards waiting for validation.
  revisions: () => fill(city.revisions),
  revision: (revisionId: string) => fill(city.revision, revisionId),
  revisionPreview: (revisionId: string) => fill(city.revisionPreview, revisionId),
  revisionApprove: (revisionId: string) => fill(city.revisionApprove, revisionId),
  revisionChanges: (revisionId: string) => fill(city.revisionChanges, revisionId),
  // Requests of enti to change the public facts of their card (name, description, contacts), waiting for validation.
  enteRevisions: () => `${cityBase}/schede-enti`,
  enteRevision: (id: string) => `${cityPaths.enteRevisions()}/${enc(id)}`,
  enteRevisionApprove: (id: string) => `${cityPaths.enteRevision(id)}/approva`,
  enteRevisionChanges: (id: string) => `${cityPaths.enteRevision(id)}/modifiche`,
  // The catalogue: vocabularies and terms, enti by state, cards by state.
  taxonomies: () => `${cityBase}/tassonomie`,
  taxonomy: (kind: string) => `${cityPaths.taxonomies()}/${enc(kind)}`,
  termNew: (kind: string) => `${cityPaths.taxonomy(kind)}/nuovo`,
  term: (kind: string, id: string) => `${cityPaths.taxonomy(kind)}/termini/${enc(id)}`,
  /** The concept dictionary of the search (a part of the taxonomy section). */
  concepts: () => `${cityPaths.taxonomies()}/concetti-di-ricerca`,
  conceptNew: () => `${cityPaths.concepts()}/nuovo`,
  concept: (id: string) => `${cityPaths.concepts()}/${enc(id)}`,
  conceptDelete: (id: string) => `${cityPaths.concept(id)}/elimina`,
  termDeactivate: (kind: string, id: string) => fill(city.termDeactivate, kind, id),
  termReactivate: (kind: string, id: string) => fill(city.termReactivate, kind, id),
  enti: () => `${cityBase}/enti`,
  ente: (id: string) => `${cityPaths.enti()}/${enc(id)}`,
  enteAction: (id: string, action: AdminOrgAction) => fill(city.enteAction(action), id),
  cards: () => `${cityBase}/schede-catalogo`,
  /** One card as the City controls it: state, reasons, suspend / withdraw / reactivate. */
  card: (serviceId: string) => fill(city.card, serviceId),
  cardAction: (serviceId: string, action: CardCityAction) => fill(city.cardAction(action), serviceId),
  // Requests: conversations (read-only), complaints, quality, reviews.
  requestMessages: (enteRequestId: string) => `${cityBase}/richieste/${enc(enteRequestId)}/messaggi`,
  complaints: () => `${cityBase}/reclami`,
  complaint: (id: string) => `${cityPaths.complaints()}/${enc(id)}`,
  complaintStatus: (id: string) => `${cityPaths.complaint(id)}/stato`,
  complaintAnswer: (id: string) => `${cityPaths.complaint(id)}/risposta`,
  quality: () => `${cityBase}/qualita`,
  reviews: () => fill(city.reviews),
  reviewDecide: (reviewId: string, decision: Decision) => fill(city.reviewDecide, reviewId, decision),
  // Spazi WeMi: opening hours and status (archive, restore).
  spazi: () => `${cityBase}/spazi-wemi`,
  spazio: (slug: string) => `${cityPaths.spazi()}/${enc(slug)}`,
  spazioHours: (slug: string) => `${cityPaths.spazio(slug)}/orari`,
  spazioStatus: (slug: string) => `${cityPaths.spazio(slug)}/stato`,
} as const;
