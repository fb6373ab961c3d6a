import type { Locale } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import type { OpeningRange, SpazioOrganizationRow, SpazioRow, SpazioServiceRow, SpazioStatus } from './spazi.repository';

// Maps database rows of the Spazi WeMi feature to view objects (pages) and API objects (JSON).

export interface SpazioView {
  id: string;
  slug: string;
  name: string;
  municipio: number | null;
  street: string;
  postalCode: string;
  city: string;
  /** The full address on one line, e.g. "Via Statuto 15, 20121 Milano". */
  addressLine: string;
  coordinates: { lat: number; lng: number } | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** Free-text note on the opening hours ("su appuntamento", closures…), in the page's language. */
  hours: string;
  /** Opening hours by weekday (empty: not known yet, "orari da confermare"). */
  openingHours: OpeningRange[];
  status: SpazioStatus;
  description: string;
  managedBy: string;
  managingOrganization: { slug: string; name: string } | null;
  isDemo: boolean;
}

export interface SpazioOrganizationView {
  id: string;
  slug: string;
  name: string;
  description: string;
  isDemo: boolean;
}

export interface SpazioServiceView {
  id: string;
  slug: string;
  name: string;
  summary: string;
  serviceType: string;
  organization: { slug: string; name: string };
  offerType: 'free_public' | 'free_volunteer' | 'paid';
  priceFrom: number | null;
  priceUnit: string;
  customQuote: boolean;
  isDemo: boolean;
}

const pick = (locale: Locale, it: string, en: string) => (locale === 'en' && en.trim() !== '' ? en : it);

export function addressLine(street: string, postalCode: string, city: string): string {
  const place = [postalCode, city].filter((x) => x.trim() !== '').join(' ');
  return [street, place].filter((x) => x.trim() !== '').join(', ');
}

export function presentSpazio(row: SpazioRow, locale: Locale): SpazioView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    municipio: row.municipio,
    street: row.address,
    postalCode: row.postal_code,
    city: row.city,
    addressLine: addressLine(row.address, row.postal_code, row.city),
    coordinates: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    email: row.email || null,
    phone: row.phone || null,
    website: row.website || null,
    hours: pick(locale, row.hours_it, row.hours_en),
    openingHours: row.opening_hours ?? [],
    status: row.status,
    description: pick(locale, row.description_it, row.description_en),
    managedBy: row.managed_by,
    managingOrganization: row.org_slug && row.org_name ? { slug: row.org_slug, name: row.org_name } : null,
    isDemo: row.is_demo,
  };
}

export function presentSpazioOrganization(row: SpazioOrganizationRow, locale: Locale): SpazioOrganizationView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: pick(locale, row.description_it, row.description_en),
    isDemo: row.is_demo,
  };
}

export function presentSpazioService(row: SpazioServiceRow, locale: Locale): SpazioServiceView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: pick(locale, row.summary_it, row.summary_en),
    serviceType: pick(locale, row.type_name_it, row.type_name_en),
    organization: { slug: row.org_slug, name: row.org_name },
    offerType: row.offer_type,
    priceFrom: row.price_from,
    priceUnit: row.price_unit,
    customQuote: row.custom_quote,
    isDemo: row.is_demo,
  };
}

/**
 * Municipi that border each Municipio of Milan. Municipio 1 (the centre) borders all the others; the
 * outer ones form a ring (9 north, then clockwise 2, 3, 4, 5, 6, 7, 8).
 */
const RING = [9, 2, 3, 4, 5, 6, 7, 8] as const;
export function neighbouringMunicipi(n: number): number[] {
  if (n === 1) return [...RING];
  const i = RING.indexOf(n as (typeof RING)[number]);
  if (i < 0) return [];
  const before = RING[(i + RING.length - 1) % RING.length]!;
  const after = RING[(i + 1) % RING.length]!;
  return [1, before, after].sort((a, b) => a - b);
}

/** Groups Spazi (already ordered by Municipio) by Municipio, keeping the order. */
export function groupByMunicipio(spazi: readonly SpazioView[]): { municipio: number | null; spazi: SpazioView[] }[] {
  const groups: { municipio: number | null; spazi: SpazioView[] }[] = [];
  for (const s of spazi) {
    const last = groups[groups.length - 1];
    if (last && last.municipio === s.municipio) last.spazi.push(s);
    else groups.push({ municipio: s.municipio, spazi: [s] });
  }
  return groups;
}

/** OpenStreetMap link centred on a point with a marker. */
export function osmUrl(c: { lat: number; lng: number }): string {
  const lat = c.lat.toFixed(6);
  const lng = c.lng.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}

/** OpenStreetMap search for an address (when the Spazio has no coordinates). */
export function osmSearchUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

// ---- Opening hours ----

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const SCHEMA_DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** ISO weekday (1 Monday … 7 Sunday) of a moment in Milan. */
export function milanWeekday(now: Date = new Date()): number {
  const short = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'short' }).format(now);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
}

export interface DayHours {
  weekday: number;
  ranges: { opens: string; closes: string }[];
  today: boolean;
}

/** The week from Monday to Sunday with each day's time ranges, today marked. */
export function hoursWeek(ranges: readonly OpeningRange[], today: number): DayHours[] {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    ranges: ranges.filter((r) => r.weekday === weekday).map((r) => ({ opens: r.opens, closes: r.closes })),
    today: weekday === today,
  }));
}

/** schema.org JSON-LD of a Spazio: a civic structure with its address, position and opening hours. */
export function spazioJsonLd(s: SpazioView, baseUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CivicStructure',
    '@id': `${baseUrl}${paths.spazio(s.slug)}`,
    name: s.name,
    url: `${baseUrl}${paths.spazio(s.slug)}`,
    ...(s.description ? { description: s.description } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: s.street,
      postalCode: s.postalCode,
      addressLocality: s.city,
      addressCountry: 'IT',
    },
    ...(s.coordinates ? { geo: { '@type': 'GeoCoordinates', latitude: s.coordinates.lat, longitude: s.coordinates.lng } } : {}),
    ...(s.email ? { email: s.email } : {}),
    ...(s.phone ? { telephone: s.phone } : {}),
    ...(s.openingHours.length
      ? {
          openingHoursSpecification: s.openingHours.map((r) => ({
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: `https://schema.org/${SCHEMA_DAYS[r.weekday]}`,
            opens: r.opens,
            closes: r.closes,
          })),
        }
      : {}),
  };
}

// ---- JSON API ----

export function spazioToApi(s: SpazioView, baseUrl: string) {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    municipio: s.municipio,
    address: { street: s.street, postalCode: s.postalCode, city: s.city, text: s.addressLine },
    coordinates: s.coordinates,
    email: s.email,
    phone: s.phone,
    website: s.website,
    hours: s.hours,
    openingHours: s.openingHours,
    status: s.status,
    description: s.description,
    managedBy: s.managedBy,
    managingOrganization: s.managingOrganization
      ? { ...s.managingOrganization, url: `${baseUrl}${paths.ente(s.managingOrganization.slug)}` }
      : null,
    isDemo: s.isDemo,
    url: `${baseUrl}${paths.spazio(s.slug)}`,
  };
}

export function spazioDetailToApi(
  s: SpazioView,
  organizations: readonly SpazioOrganizationView[],
  services: readonly SpazioServiceView[],
  baseUrl: string,
) {
  return {
    ...spazioToApi(s, baseUrl),
    organizations: organizations.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      isDemo: o.isDemo,
      url: `${baseUrl}${paths.ente(o.slug)}`,
    })),
    services: services.map((x) => ({
      id: x.id,
      slug: x.slug,
      name: x.name,
      summary: x.summary,
      serviceType: x.serviceType,
      organization: { slug: x.organization.slug, name: x.organization.name },
      offerType: x.offerType,
      priceFrom: x.priceFrom,
      priceUnit: x.priceUnit,
      isDemo: x.isDemo,
      url: `${baseUrl}${paths.service(x.slug)}`,
    })),
  };
}
