// Paths of the service cards back office (ente and City sides).
const enc = encodeURIComponent;

const ente = (enteId: string) => `/gestione-ente/${enc(enteId)}/schede`;
const revision = (enteId: string, serviceId: string, revisionId: string) => `${ente(enteId)}/${enc(serviceId)}/revisioni/${enc(revisionId)}`;

export const cardPaths = {
  // Ente
  list: ente,
  create: (enteId: string) => `${ente(enteId)}/nuova`,
  card: (enteId: string, serviceId: string) => `${ente(enteId)}/${enc(serviceId)}`,
  startRevision: (enteId: string, serviceId: string) => `${ente(enteId)}/${enc(serviceId)}/revisioni`,
  edit: (enteId: string, serviceId: string, revisionId: string) => `${revision(enteId, serviceId, revisionId)}/modifica`,
  preview: (enteId: string, serviceId: string, revisionId: string) => `${revision(enteId, serviceId, revisionId)}/anteprima`,
  submit: (enteId: string, serviceId: string, revisionId: string) => `${revision(enteId, serviceId, revisionId)}/invia`,
  withdraw: (enteId: string, serviceId: string, revisionId: string) => `${revision(enteId, serviceId, revisionId)}/ritira`,
  // City
  queue: () => '/gestione-wemi/schede',
  cityRevision: (revisionId: string) => `/gestione-wemi/schede/${enc(revisionId)}`,
  cityPreview: (revisionId: string) => `/gestione-wemi/schede/${enc(revisionId)}/anteprima`,
  approve: (revisionId: string) => `/gestione-wemi/schede/${enc(revisionId)}/approva`,
  requestChanges: (revisionId: string) => `/gestione-wemi/schede/${enc(revisionId)}/modifiche`,
} as const;

/** Route patterns (Fastify) of the same pages. */
export const cardRoutes = {
  list: '/gestione-ente/:enteId/schede',
  create: '/gestione-ente/:enteId/schede/nuova',
  card: '/gestione-ente/:enteId/schede/:serviceId',
  startRevision: '/gestione-ente/:enteId/schede/:serviceId/revisioni',
  edit: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/modifica',
  preview: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/anteprima',
  submit: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/invia',
  withdraw: '/gestione-ente/:enteId/schede/:serviceId/revisioni/:revisionId/ritira',
  queue: '/gestione-wemi/schede',
  cityRevision: '/gestione-wemi/schede/:revisionId',
  cityPreview: '/gestione-wemi/schede/:revisionId/anteprima',
  approve: '/gestione-wemi/schede/:revisionId/approva',
  requestChanges: '/gestione-wemi/schede/:revisionId/modifiche',
} as const;
