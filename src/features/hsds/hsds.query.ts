import { z } from 'zod';
import { q } from '../../lib/http/validation';
import { MAX_QUERY_LENGTH } from '../search/search.schema';

// Query and path parameters of the HSDS API (names as in the HSDS 3.0 OpenAPI reference).
// Ids are accepted in any 8-4-4-4-12 hexadecimal form (what PostgreSQL's uuid type accepts).

const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const blankToUndefined = (v: unknown) => {
  const s = single(v);
  return s === undefined || (typeof s === 'string' && s.trim() === '') ? undefined : s;
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?))?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Offset of Europe/Rome from UTC, in minutes, at an instant. */
function romeOffsetMinutes(at: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * Parses an ISO 8601 date-time with a zone (`2025-03-01T08:00:00Z`, `2025-03-01T09:00:00+01:00`) or a plain date
 * (`2025-03-01`, the start of that day in Milan). Returns undefined for anything else, including impossible dates.
 */
export function parseIsoDateTime(text: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h === undefined) {
    const utcMidnight = Date.UTC(year, month - 1, day);
    return new Date(utcMidnight - romeOffsetMinutes(utcMidnight) * 60_000);
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const oh = Number(zm[2]);
    const om = Number(zm[3] ?? 0);
    if (oh > 23 || om > 59) return undefined;
    offset = (zm[1] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

const dateTime = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(40)
      .transform((s, ctx) => {
        const d = parseIsoDateTime(s);
        if (!d) {
          ctx.addIssue({ code: 'custom', message: 'Invalid date-time', input: s });
          return z.NEVER;
        }
        return d;
      })
      .optional(),
  );

const ids = () => q.list(z.guid(), 50);

const paging = {
  page: q.int(1, 1_000_000),
  per_page: q.int(1, 100),
  format: q.enumOf(['json']),
};

export const DEFAULT_PER_PAGE = 50;

export const servicesQuery = z.object({
  search: q.text(MAX_QUERY_LENGTH),
  ...paging,
  taxonomy_term_id: ids(),
  taxonomy_id: ids(),
  organization_id: ids(),
  modified_after: dateTime(),
  minimal: q.bool(),
  full: q.bool(),
  full_service: q.bool(),
});

export const serviceAtLocationsQuery = z.object({
  search: q.text(MAX_QUERY_LENGTH),
  ...paging,
  taxonomy_term_id: ids(),
  taxonomy_id: ids(),
  organization_id: ids(),
  modified_after: dateTime(),
  full: q.bool(),
  // Italian postcode (CAP) of the place where the service is delivered.
  postcode: z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{5}$/).optional()),
});

export const organizationsQuery = z.object({
  search: q.text(MAX_QUERY_LENGTH),
  ...paging,
  full: q.bool(),
  full_service: q.bool(),
});

export const organizationQuery = z.object({
  full_service: q.bool(),
});

export const taxonomiesQuery = z.object({
  search: q.text(MAX_QUERY_LENGTH),
  ...paging,
});

export const taxonomyTermsQuery = z.object({
  search: q.text(MAX_QUERY_LENGTH),
  ...paging,
  taxonomy_id: ids(),
  parent_id: ids(),
  top_only: q.bool(),
});

export const idParams = z.object({ id: z.guid() });
