// Paths of the applications to join WeMi (public call, the applicant's pages, the City's queue). Kept here until
// they move to src/web/paths.ts with the other typed path builders.
const enc = encodeURIComponent;

const mine = '/diventa-ente/domanda';
const queue = '/gestione-wemi/domande';

export const applicationPaths = {
  openCall: () => '/diventa-ente',
  mine: () => mine,
  application: (id: string) => `${mine}/${enc(id)}`,
  edit: (id: string) => `${mine}/${enc(id)}/modifica`,
  summary: (id: string) => `${mine}/${enc(id)}/riepilogo`,
  send: (id: string) => `${mine}/${enc(id)}/invia`,
  document: (id: string, documentId: string) => `${mine}/${enc(id)}/documenti/${enc(documentId)}`,
  removeDocument: (id: string, documentId: string) => `${mine}/${enc(id)}/documenti/${enc(documentId)}/elimina`,
  cityQueue: () => queue,
  cityApplication: (id: string) => `${queue}/${enc(id)}`,
  cityDocument: (id: string, documentId: string) => `${queue}/${enc(id)}/documenti/${enc(documentId)}`,
  cityReview: (id: string) => `${queue}/${enc(id)}/prendi-in-carico`,
  cityChanges: (id: string) => `${queue}/${enc(id)}/richiedi-modifiche`,
  cityQualify: (id: string) => `${queue}/${enc(id)}/qualifica`,
  cityReject: (id: string) => `${queue}/${enc(id)}/respingi`,
  /** A page with the outcome of the previous action (?esito=…). */
  withNotice: (path: string, notice: string) => `${path}?esito=${enc(notice)}`,
} as const;
