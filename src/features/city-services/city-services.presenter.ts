import type { Locale } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import type { CityServiceRow } from './city-services.repository';

// Maps city_service rows (texts as { "it": …, "en": … } JSON) to view and API objects in one language.

export interface CityServiceLocation {
  name: string;
  slug: string | null;
  kind: string | null;
  street: string;
  postalCode: string;
  city: string;
  addressLine: string;
  coordinates: { lat: number; lng: number } | null;
  phone: string | null;
  email: string | null;
}

export interface CityServiceView {
  id: string;
  slug: string;
  position: number;
  name: string;
  summary: string;
  audience: string;
  offers: string;
  howToAccess: string;
  documents: string;
  cost: string;
  hours: string;
  contacts: string;
  qualityStandards: string[];
  /** Phone numbers found in the contacts (as written), for "Accedi al servizio". */
  phones: string[];
  emails: string[];
  location: CityServiceLocation | null;
  updatedAt: Date;
}

/**
 * The text of a localised value in one language, falling back to Italian. Tolerates plain strings and
 * lists: a list becomes lines starting with "- " (rendered as a bulleted list).
 */
export function localText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((v) => localText(v, locale))
      .filter((s) => s !== '')
      .map((s) => (/^\s*[-•*]\s/.test(s) ? s : `- ${s}`))
      .join('\n');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('it' in o || 'en' in o) {
      const own = localText(o[locale], locale);
      return own !== '' ? own : localText(o.it, locale);
    }
    return Object.values(o)
      .map((v) => localText(v, locale))
      .filter((s) => s !== '')
      .join('\n');
  }
  return '';
}

/** A list of localised values (quality standards) in one language. */
export function localList(value: unknown, locale: Locale): string[] {
  if (!Array.isArray(value)) {
    const s = localText(value, locale);
    return s === '' ? [] : s.split('\n').map((x) => x.replace(/^\s*[-•*]\s+/, '').trim()).filter(Boolean);
  }
  return value.map((v) => localText(v, locale).replace(/^\s*[-•*]\s+/, '').trim()).filter(Boolean);
}

export type TextBlock = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/** Splits a text into paragraphs and bulleted lists (lines starting with "- ", "• " or "* "). */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const item = /^[-•*]\s+(.*)$/.exec(line);
    if (item) {
      const last = blocks[blocks.length - 1];
      if (last && last.kind === 'ul') last.items.push(item[1]!);
      else blocks.push({ kind: 'ul', items: [item[1]!] });
    } else {
      blocks.push({ kind: 'p', text: line });
    }
  }
  return blocks;
}

/** The first paragraph of a text (for cards and the lead of the page). */
export function firstParagraph(text: string): string {
  const first = textBlocks(text)[0];
  if (!first) return '';
  return first.kind === 'p' ? first.text : first.items.join('; ');
}

const PHONE = /(?:tel\.?|telefono|phone)\s*:?\s*(\+?\d[\d. ]{3,}\d)/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function phonesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PHONE)].map((m) => m[1]!.trim()))];
}

export function emailsIn(text: string): string[] {
  return [...new Set(text.match(EMAIL) ?? [])];
}

/** "02.02.02" → "tel:020202". */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function addressLine(street: string, postalCode: string, city: string): string {
  const place = [postalCode, city].filter((x) => x.trim() !== '').join(' ');
  return [street, place].filter((x) => x.trim() !== '').join(', ');
}

export function presentCityService(row: CityServiceRow, locale: Locale): CityServiceView {
  const contacts = localText(row.contacts, locale);
  const location: CityServiceLocation | null = row.location_name
    ? {
        name: row.location_name,
        slug: row.location_slug,
        kind: row.location_kind,
        street: row.location_address ?? '',
        postalCode: row.location_postal_code ?? '',
        city: row.location_city ?? '',
        addressLine: addressLine(row.location_address ?? '', row.location_postal_code ?? '', row.location_city ?? ''),
        coordinates:
          row.location_latitude !== null && row.location_longitude !== null
            ? { lat: row.location_latitude, lng: row.location_longitude }
            : null,
        phone: row.location_phone || null,
        email: row.location_email || null,
      }
    : null;
  const phones = phonesIn(contacts);
  if (location?.phone && !phones.includes(location.phone)) phones.push(location.phone);
  const emails = emailsIn(contacts);
  if (location?.email && !emails.includes(location.email)) emails.push(location.email);
  return {
    id: row.id,
    slug: row.slug,
    position: row.position,
    name: locale === 'en' && row.name_en.trim() !== '' ? row.name_en : row.name_it,
    summary: localText(row.summary, locale),
    audience: localText(row.audience, locale),
    offers: localText(row.offers, locale),
    howToAccess: localText(row.how_to_access, locale),
    documents: localText(row.documents, locale),
    cost: localText(row.cost, locale),
    hours: localText(row.hours, locale),
    contacts,
    qualityStandards: localList(row.quality_standards, locale),
    phones,
    emails,
    location,
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at),
  };
}

/** The JSON API shape (absolute URL of the page). */
export function cityServiceToApi(v: CityServiceView, baseUrl: string) {
  return {
    id: v.id,
    slug: v.slug,
    name: v.name,
    summary: v.summary,
    audience: v.audience,
    offers: v.offers,
    howToAccess: v.howToAccess,
    documents: v.documents,
    cost: v.cost,
    hours: v.hours,
    contacts: v.contacts,
    qualityStandards: v.qualityStandards,
    location: v.location
      ? {
          name: v.location.name,
          address: { street: v.location.street, postalCode: v.location.postalCode, city: v.location.city, text: v.location.addressLine },
          coordinates: v.location.coordinates,
          phone: v.location.phone,
          email: v.location.email,
        }
      : null,
    updatedAt: v.updatedAt.toISOString(),
    url: `${baseUrl}${paths.cityService(v.slug)}`,
  };
}

/** schema.org GovernmentService of a City access service (JSON-LD). */
export function cityServiceJsonLd(v: CityServiceView, baseUrl: string, ownerName: string): Record<string, unknown> {
  const channel: Record<string, unknown> = { '@type': 'ServiceChannel', serviceUrl: `${baseUrl}${paths.cityService(v.slug)}` };
  if (v.phones[0]) channel.servicePhone = { '@type': 'ContactPoint', telephone: v.phones[0] };
  if (v.location) {
    channel.serviceLocation = {
      '@type': 'Place',
      name: v.location.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: v.location.street,
        postalCode: v.location.postalCode,
        addressLocality: v.location.city,
      },
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: v.name,
    description: firstParagraph(v.summary),
    serviceType: 'Informazione, orientamento e accesso ai servizi sociali',
    serviceOperator: { '@type': 'GovernmentOrganization', name: ownerName },
    areaServed: { '@type': 'City', name: 'Milano' },
    audience: { '@type': 'Audience', audienceType: firstParagraph(v.audience) },
    availableChannel: channel,
  };
}
