// Typed path builders: routes, links, redirects and tests all build URLs here.
const enc = encodeURIComponent;

export const paths = {
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
  spazi: (municipio?: number) => (municipio ? `/spazi-wemi?municipio=${municipio}` : '/spazi-wemi'),
  spazio: (slug: string) => `/spazi-wemi/${enc(slug)}`,
  section: (slug: string) => `/aree/${enc(slug)}`,
  category: (slug: string) => `/categorie/${enc(slug)}`,
  cityServices: () => '/servizi-del-comune',
  cityService: (slug: string) => `/servizi-del-comune/${enc(slug)}`,
  page: (slug: 'faq' | 'privacy' | 'note-legali' | 'accessibilita' | 'contatti' | 'mappa-del-sito') => `/${slug}`,
  feedback: () => '/feedback',
  login: (returnTo?: string) => (returnTo ? `/accedi?ritorno=${enc(returnTo)}` : '/accedi'),
  // Accounts: login, second factor, e-mail links, personal area, back offices.
  loginSpid: () => '/accedi/spid',
  loginCie: () => '/accedi/cie',
  loginPassword: () => '/accedi/credenziali',
  loginSecondFactor: () => '/accedi/verifica',
  oidcCallback: () => '/accedi/oidc/callback',
  logout: () => '/esci',
  forgotPassword: () => '/password-dimenticata',
  resetPassword: (token: string) => `/reimposta-password/${enc(token)}`,
  verifyEmail: (token: string) => `/verifica-email/${enc(token)}`,
  invitation: (token: string) => `/invito/${enc(token)}`,
  personalArea: () => '/area-personale',
  profile: () => '/area-personale/profilo',
  privacyConsent: () => '/area-personale/privacy',
  notifications: () => '/area-personale/notifiche',
  security: () => '/area-personale/sicurezza',
  register: () => '/registrati',
  sessions: () => '/area-personale/sessioni',
  myData: () => '/area-personale/i-miei-dati',
  deleteAccount: () => '/area-personale/elimina-account',
  enteBackOffice: () => '/gestione-ente',
  cityBackOffice: () => '/gestione-wemi',
  cityUsers: () => '/gestione-wemi/utenti',
  cityUser: (id: string) => `/gestione-wemi/utenti/${enc(id)}`,
  cityInvite: () => '/gestione-wemi/utenti/invita',
  cityAudit: () => '/gestione-wemi/registro-attivita',
  autocomplete: () => '/api/v1/autocomplete',
} as const;
