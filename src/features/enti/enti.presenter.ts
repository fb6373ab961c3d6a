import type { MessageKey } from '../../i18n/catalogue';
import type { Locale, Translate } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { presentLocation } from '../services/services.presenter';
import { presentRating } from '../reviews/public/reviews-public.repository';
import type { EnteBundle, EnteListRow, EnteServiceRow, PublicFileColumn } from './enti.repository';
import type { EnteDetail, EnteDocument, EnteService, EnteSocials, EnteSummary } from './enti.schemas';

const loc = (locale: Locale, it: string, en: string | null) => (locale === 'en' && en ? en : it);

/** Only same-origin paths are shown as logos (the Content-Security-Policy allows no other image origin). */
export function logoUrl(path: string | null): string | null {
  if (!path) return null;
  return /^\/(?!\/)[A-Za-z0-9._~\/-]+$/.test(path) ? path : null;
}

// Public files of an ente: the logo and three documents it uploads in its back office, served by the routes
// below only while the ente is active.

export const ENTE_DOCUMENT_KINDS = ['condizioni-uso', 'privacy', 'recesso'] as const;
export type DocumentKind = (typeof ENTE_DOCUMENT_KINDS)[number];
export const isDocumentKind = (s: string | undefined): s is DocumentKind => s !== undefined && (ENTE_DOCUMENT_KINDS as readonly string[]).includes(s);

/** The organization column holding each document. */
export const DOCUMENT_COLUMNS: Record<DocumentKind, Exclude<PublicFileColumn, 'logo_file_id'>> = {
  'condizioni-uso': 'terms_file_id',
  privacy: 'privacy_file_id',
  recesso: 'withdrawal_file_id',
};


/** Logo of a list row or page: the uploaded logo first, else a same-origin logo path. */
const logoOf = (row: Pick<EnteListRow, 'slug' | 'logo_path' | 'logo_file_id'>) => (row.logo_file_id ? paths.enteLogo(row.slug) : logoUrl(row.logo_path));

// Social networks: an https address on the network's own site.

export const SOCIAL_NETWORKS = ['facebook', 'instagram', 'linkedin', 'youtube'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

const SOCIAL_HOSTS: Record<SocialNetwork, string[]> = {
  facebook: ['facebook.com', 'fb.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com'],
  youtube: ['youtube.com', 'youtu.be'],
};

/** Whether a value is an https URL of the network (the site itself or a subdomain such as www.). */
export function isSocialUrl(network: SocialNetwork, value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const host = u.hostname.toLowerCase();
  return SOCIAL_HOSTS[network].some((h) => host === h || host.endsWith(`.${h}`));
}

/** The socials stored as jsonb, keeping only valid URLs (the column is written by the back office). */
export function presentSocials(value: unknown): EnteSocials {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const pick = (n: SocialNetwork) => {
    const v = obj[n];
    return typeof v === 'string' && isSocialUrl(n, v) ? v : null;
  };
  return { facebook: pick('facebook'), instagram: pick('instagram'), linkedin: pick('linkedin'), youtube: pick('youtube') };
}

export function presentEnteSummary(row: EnteListRow, locale: Locale): EnteSummary {
  return {
    slug: row.slug,
    name: row.name,
    url: paths.ente(row.slug),
    legalForm: row.legal_form,
    description: loc(locale, row.description_it, row.description_en),
    descriptionLanguage: locale === 'en' && row.description_en ? 'en' : 'it',
    logoUrl: logoOf(row),
    servicesCount: row.services_count,
    isDemo: row.is_demo,
  };
}

export function presentEnteService(row: EnteServiceRow, locale: Locale, t: Translate): EnteService {
  return {
    slug: row.slug,
    name: row.name,
    url: paths.service(row.slug),
    summary: loc(locale, row.summary_it, row.summary_en),
    serviceType: { code: row.type_code, slug: row.type_slug, name: loc(locale, row.type_name_it, row.type_name_en) },
    category:
      row.cat_code && row.cat_slug && row.cat_name_it
        ? { code: row.cat_code, slug: row.cat_slug, name: loc(locale, row.cat_name_it, row.cat_name_en) }
        : null,
    offerType: row.offer_type,
    priceFrom: row.offer_type === 'paid' ? row.price_from : null,
    priceUnit: row.price_unit,
    unitLabel: t(`unit.${row.price_unit}` as MessageKey),
    customQuote: row.custom_quote,
    isDemo: row.is_demo,
  };
}

export function presentEnteDetail(bundle: EnteBundle, locale: Locale, t: Translate): EnteDetail {
  const e = bundle.ente;
  return {
    ...presentEnteSummary(e, locale),
    taxCode: e.tax_code,
    vatNumber: e.vat_number,
    email: e.email,
    pec: e.pec,
    phone: e.phone,
    website: e.website,
    operatorsCount: e.operators_count,
    firstContactHours: e.first_contact_hours,
    rating: presentRating(e),
    socials: presentSocials(e.socials),
    documents: ENTE_DOCUMENT_KINDS.flatMap((kind): EnteDocument[] => {
      const file = bundle.documents.find((d) => d.id === e[DOCUMENT_COLUMNS[kind]]);
      return file ? [{ kind, url: paths.enteDocument(e.slug, kind), sizeBytes: file.size_bytes }] : [];
    }),
    sites: bundle.sites.map((l) => presentLocation(l, locale)),
    spazi: bundle.spazi.map((l) => presentLocation(l, locale)),
    services: bundle.services.map((s) => presentEnteService(s, locale, t)),
    updatedAt: e.updated_at instanceof Date ? e.updated_at.toISOString() : new Date(e.updated_at).toISOString(),
  };
}
