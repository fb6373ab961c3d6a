import type { MessageKey } from '../../i18n/catalogue';
import type { Locale, Translate } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { presentLocation } from '../services/services.presenter';
import type { EnteBundle, EnteListRow, EnteServiceRow } from './enti.repository';
import type { EnteDetail, EnteService, EnteSummary } from './enti.schemas';

const loc = (locale: Locale, it: string, en: string | null) => (locale === 'en' && en ? en : it);

/** Only same-origin paths are shown as logos (the Content-Security-Policy allows no other image origin). */
export function logoUrl(path: string | null): string | null {
  if (!path) return null;
  return /^\/(?!\/)[A-Za-z0-9._~\/-]+$/.test(path) ? path : null;
}

export function presentEnteSummary(row: EnteListRow, locale: Locale): EnteSummary {
  return {
    slug: row.slug,
    name: row.name,
    url: paths.ente(row.slug),
    legalForm: row.legal_form,
    description: loc(locale, row.description_it, row.description_en),
    descriptionLanguage: locale === 'en' && row.description_en ? 'en' : 'it',
    logoUrl: logoUrl(row.logo_path),
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
    sites: bundle.sites.map((l) => presentLocation(l, locale)),
    spazi: bundle.spazi.map((l) => presentLocation(l, locale)),
    services: bundle.services.map((s) => presentEnteService(s, locale, t)),
    updatedAt: e.updated_at instanceof Date ? e.updated_at.toISOString() : new Date(e.updated_at).toISOString(),
  };
}
