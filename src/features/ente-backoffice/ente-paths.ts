import { paths } from '../../web/paths';
import type { DocumentKind } from '../enti/enti.presenter';

// Paths of the ente back office (/gestione-ente/<ente id>/…). The service cards of the ente live at
// `serviceCards` (another feature: src/features/service-cards).

const enc = encodeURIComponent;

export const entePaths = {
  landing: () => paths.enteBackOffice(),
  home: (enteId: string) => `${paths.enteBackOffice()}/${enc(enteId)}`,
  card: (enteId: string) => `${entePaths.home(enteId)}/scheda-ente`,
  logo: (enteId: string) => `${entePaths.card(enteId)}/logo`,
  logoRemove: (enteId: string) => `${entePaths.card(enteId)}/logo/rimuovi`,
  sites: (enteId: string) => `${entePaths.home(enteId)}/sedi`,
  siteNew: (enteId: string) => `${entePaths.sites(enteId)}/nuova`,
  site: (enteId: string, siteId: string) => `${entePaths.sites(enteId)}/${enc(siteId)}`,
  siteRemove: (enteId: string, siteId: string) => `${entePaths.site(enteId, siteId)}/rimuovi`,
  spazi: (enteId: string) => `${entePaths.home(enteId)}/spazi`,
  documents: (enteId: string) => `${entePaths.home(enteId)}/documenti`,
  document: (enteId: string, kind: DocumentKind) => `${entePaths.documents(enteId)}/${kind}`,
  operators: (enteId: string) => `${entePaths.home(enteId)}/operatori`,
  operatorInvite: (enteId: string) => `${entePaths.operators(enteId)}/invita`,
  operatorRemove: (enteId: string, userId: string) => `${entePaths.operators(enteId)}/${enc(userId)}/rimuovi`,
  /** The service cards of the ente (feature service-cards). */
  serviceCards: (enteId: string) => `${entePaths.home(enteId)}/schede`,
  withNotice: (path: string, notice: string) => `${path}?esito=${enc(notice)}`,
} as const;
