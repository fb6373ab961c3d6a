import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalogue';
import type { Locale, Translate } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import type { LocationRow, ServiceBundle, TermRow } from './services.repository';
import { ratingJsonLd, type PublicReview } from '../reviews/public/reviews-public.presenter';
import { presentRating } from '../reviews/public/reviews-public.repository';
import type { CardLocation, ServiceCard, Term } from './services.schemas';

// Maps the rows of a public service card to the explicit object the page and the API share.

const loc = (locale: Locale, it: string, en: string) => (locale === 'en' && en ? en : it);

export function presentTerm(row: { code: string; slug: string; name_it: string; name_en: string }, locale: Locale): Term {
  return { code: row.code, slug: row.slug, name: loc(locale, row.name_it, row.name_en) };
}

export function presentLocation(row: LocationRow, locale: Locale): CardLocation {
  return {
    kind: row.kind,
    slug: row.slug,
    name: row.name,
    address: row.address,
    postalCode: row.postal_code,
    city: row.city,
    municipio:
      row.municipio_slug && row.municipio_name_it
        ? { number: row.municipio_position, name: loc(locale, row.municipio_name_it, row.municipio_name_en ?? ''), slug: row.municipio_slug }
        : null,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    email: row.email,
    website: row.website,
    hours: loc(locale, row.hours_it, row.hours_en),
    url: row.kind === 'spazio_wemi' && row.slug ? paths.spazio(row.slug) : null,
  };
}

// The jsonb columns are written by the ente back office; read them defensively.
const staffItem = z.object({
  kind: z.enum(['internal', 'external']).catch('internal'),
  count: z.number().int().nonnegative().nullable().catch(null),
  qualifications: z.string().catch(''),
  years_experience: z.number().nonnegative().nullable().catch(null),
  references_available: z.boolean().nullable().catch(null),
  supplier: z.string().catch(''),
});
const packageItem = z.object({
  name: z.string().catch(''),
  description: z.string().catch(''),
  units: z.number().nonnegative().nullable().catch(null),
  price: z.number().nonnegative().nullable().catch(null),
});

function parseArray<T extends z.ZodType>(schema: T, value: unknown): z.infer<T>[] {
  if (!Array.isArray(value)) return [];
  const out: z.infer<T>[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
  }
  return out;
}

const byTaxonomy = (terms: TermRow[], code: string, locale: Locale) =>
  terms.filter((t) => t.taxonomy === code).map((t) => presentTerm(t, locale));

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentServiceCard(bundle: ServiceBundle, locale: Locale, t: Translate): ServiceCard {
  const s = bundle.service;
  const locations = bundle.locations.map((l) => presentLocation(l, locale));
  let sites = locations.filter((l) => l.kind !== 'spazio_wemi');
  // Delivered at the ente but no site linked to the card: show the ente's own sites.
  if (sites.length === 0 && (s.delivery_places.includes('sede_ente') || s.delivery_places.includes('accompagnamento'))) {
    sites = bundle.orgSites.map((l) => presentLocation(l, locale));
  }
  return {
    id: s.id,
    slug: s.slug,
    url: paths.service(s.slug),
    name: s.name,
    summary: loc(locale, s.summary_it, s.summary_en),
    summaryLanguage: locale === 'en' && s.summary_en ? 'en' : 'it',
    status: 'active',
    isDemo: s.is_demo || s.org_is_demo,
    serviceType: {
      code: s.type_code,
      slug: s.type_slug,
      name: loc(locale, s.type_name_it, s.type_name_en),
      description: loc(locale, s.type_description_it, s.type_description_en),
    },
    category:
      s.cat_code && s.cat_slug && s.cat_name_it
        ? { code: s.cat_code, slug: s.cat_slug, name: loc(locale, s.cat_name_it, s.cat_name_en ?? '') }
        : null,
    section:
      s.sec_code && s.sec_slug && s.sec_name_it
        ? { code: s.sec_code, slug: s.sec_slug, name: loc(locale, s.sec_name_it, s.sec_name_en ?? '') }
        : null,
    organization: {
      slug: s.org_slug,
      name: s.org_name,
      legalForm: s.org_legal_form,
      email: s.org_email,
      pec: s.org_pec,
      phone: s.org_phone,
      website: s.org_website,
      url: paths.ente(s.org_slug),
      isDemo: s.org_is_demo,
    },
    audience: {
      recipients: s.recipients,
      targetGroups: byTaxonomy(bundle.terms, 'target_group', locale),
      mode: s.mode,
      minPeople: s.min_people,
      maxPeople: s.max_people,
    },
    description: {
      needAnalysis: s.need_analysis,
      proposedSolution: s.proposed_solution,
      staffActivities: s.staff_activities,
      tasks: byTaxonomy(bundle.terms, 'task', locale),
      staff: parseArray(staffItem, s.staff).map((x) => ({
        kind: x.kind,
        count: x.count,
        qualifications: x.qualifications,
        yearsExperience: x.years_experience,
        referencesAvailable: x.references_available,
        supplier: x.supplier,
      })),
    },
    firstContact: { phone: s.contact_phone, email: s.contact_email, hours: s.contact_hours },
    responsible: { name: s.responsible_name, role: s.responsible_role },
    times: {
      waitAnalysisDays: s.wait_analysis_days,
      waitActivationDays: s.wait_activation_days,
      deliveryFrom: s.delivery_from,
      deliveryTo: s.delivery_to,
      timeBands: byTaxonomy(bundle.terms, 'time_band', locale),
    },
    price: {
      offerType: s.offer_type,
      priceFrom: s.offer_type === 'paid' ? s.price_from : null,
      unit: s.price_unit,
      unitLabel: t(`unit.${s.price_unit}` as MessageKey),
      vatRate: s.vat_rate,
      customQuote: s.custom_quote,
      packages: parseArray(packageItem, s.packages),
      priceLists:
        s.offer_type === 'paid'
          ? bundle.priceLists.map((pl) => ({
              validFrom: pl.valid_from,
              validTo: pl.valid_to,
              minUnits: pl.min_units,
              notes: pl.notes,
              tiers: bundle.tiers
                .filter((x) => x.price_list_id === pl.id)
                .map((x) => ({ peopleMin: x.people_min, peopleMax: x.people_max, unitsMin: x.units_min, unitsMax: x.units_max, unitPrice: x.unit_price })),
            }))
          : [],
      supportSchemes: byTaxonomy(bundle.terms, 'support_scheme', locale),
    },
    access: {
      deliveryPlaces: s.delivery_places.map((code) => ({ code, name: t(`services.place.${code}` as MessageKey) })),
      deliveryOther: s.delivery_other,
      sites,
      spazi: locations.filter((l) => l.kind === 'spazio_wemi'),
      municipi: bundle.municipi.map((m) => ({ ...presentTerm(m, locale), number: m.position })),
      metroMunicipalities: s.metro_municipalities,
    },
    rating: presentRating(s),
    publishedAt: iso(s.published_at),
    updatedAt: iso(s.updated_at)!,
  };
}

/**
 * schema.org GovernmentService description of a card, for the JSON-LD block of its page; with its rating
 * (`aggregateRating`) and the newest published comments shown on the page (`review`).
 */
export function serviceJsonLd(card: ServiceCard, baseUrl: string, reviews: PublicReview[] = [], enteSite?: CardLocation): Record<string, unknown> {
  // Where the service is delivered; for a service delivered at home, the ente's own site (the validator's metatag
  // audit wants a street address and postal code on every service).
  const place = card.access.sites[0] ?? card.access.spazi[0] ?? (enteSite?.address ? enteSite : undefined);
  const areaNames = [
    ...card.access.municipi.map((m) => `${m.name} (Milano)`),
    ...card.access.metroMunicipalities,
  ];
  const audience = card.audience.targetGroups.map((g) => g.name).join(', ') || card.audience.recipients;
  const serviceLocation = place
    ? {
        '@type': 'Place',
        name: place.name,
        address: {
          '@type': 'PostalAddress',
          streetAddress: place.address,
          postalCode: place.postalCode,
          addressLocality: place.city,
          addressCountry: 'IT',
        },
      }
    : {
        '@type': 'Place',
        name: card.organization.name,
        address: { '@type': 'PostalAddress', addressLocality: 'Milano', addressCountry: 'IT' },
      };
  const url = new URL(card.url, baseUrl).toString();
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: card.name,
    description: card.summary,
    url,
    serviceType: card.serviceType.name,
    ...(card.category ? { category: card.category.name } : {}),
    serviceOperator: {
      '@type': 'Organization',
      name: card.organization.name,
      url: new URL(card.organization.url, baseUrl).toString(),
    },
    areaServed: {
      '@type': 'AdministrativeArea',
      name: areaNames.length > 0 ? areaNames.join(', ') : 'Milano',
    },
    audience: { '@type': 'Audience', audienceType: audience || card.serviceType.name },
    availableChannel: {
      '@type': 'ServiceChannel',
      name: card.organization.name,
      serviceUrl: url,
      ...(card.firstContact.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: card.firstContact.phone } } : {}),
      serviceLocation,
    },
    ...(card.price.offerType === 'paid' && card.price.priceFrom !== null
      ? { offers: { '@type': 'Offer', price: card.price.priceFrom, priceCurrency: 'EUR' } }
      : card.price.offerType !== 'paid'
        ? { offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR' } }
        : {}),
    ...ratingJsonLd(card.rating, reviews),
  };
}
