import type { Db } from '../../../db/database';
import type { Translate } from '../../../i18n/i18n';
import { audit } from '../../../lib/audit';
import type { FieldIssue } from '../../../lib/http/errors';
import { SPAZIO_STATUSES, type OpeningRange, type SpazioStatus } from '../spazi.repository';
import { WEEKDAYS } from '../spazi.presenter';
import { lockSpazio, replaceOpeningHours, setSpazioStatus, type CitySpazioRow } from './spazi-city.repository';

// The City's use cases on a Spazio WeMi: edit its opening hours (structured, per weekday, plus a free-text note)
// and change its status (archive, restore). Each checks its input with Italian/English messages, writes in one
// transaction with the audit row, and refuses an archiving that was not confirmed.

export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Time ranges offered per day in the form (more when a day already has more). */
export const MIN_SLOTS = 2;
export const NOTE_MAX = 500;

export const openField = (weekday: number, slot: number) => `d${weekday}_${slot}_apre`;
export const closeField = (weekday: number, slot: number) => `d${weekday}_${slot}_chiude`;

const DAY_KEYS = ['', 'spazi.hours.day.1', 'spazi.hours.day.2', 'spazi.hours.day.3', 'spazi.hours.day.4', 'spazi.hours.day.5', 'spazi.hours.day.6', 'spazi.hours.day.7'] as const;

/** "9:00", "09:00", "9.00" → "09:00"; undefined when it is not a time of day. */
export function parseTime(s: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** How many slots of a day the submitted form (or the stored hours) holds. */
export function slotsOf(values: Record<string, string | undefined>, weekday: number): number {
  let n = MIN_SLOTS;
  for (const key of Object.keys(values)) {
    const m = /^d(\d)_(\d{1,2})_(apre|chiude)$/.exec(key);
    if (m && Number(m[1]) === weekday) n = Math.max(n, Math.min(Number(m[2]), 10));
  }
  return n;
}

/** The form's values for stored hours (the form shows them as they are). */
export function hoursFormValues(row: CitySpazioRow): Record<string, string> {
  const out: Record<string, string> = { nota_it: row.hours_it, nota_en: row.hours_en };
  for (const d of WEEKDAYS) {
    row.opening_hours
      .filter((r) => r.weekday === d)
      .forEach((r, i) => {
        out[openField(d, i + 1)] = r.opens;
        out[closeField(d, i + 1)] = r.closes;
      });
  }
  return out;
}

/** Reads and checks the hours form: every problem with the day and the slot it is in. */
export function parseHoursForm(values: Record<string, string | undefined>, t: Translate): Outcome<{ ranges: OpeningRange[]; note: { it: string; en: string } }> {
  const issues: FieldIssue[] = [];
  const ranges: OpeningRange[] = [];
  for (const d of WEEKDAYS) {
    const day = t(DAY_KEYS[d]);
    const ofDay: (OpeningRange & { slot: number })[] = [];
    for (let slot = 1; slot <= slotsOf(values, d); slot++) {
      const rawOpen = (values[openField(d, slot)] ?? '').trim();
      const rawClose = (values[closeField(d, slot)] ?? '').trim();
      if (!rawOpen && !rawClose) continue;
      if (!rawOpen || !rawClose) {
        issues.push({ field: rawOpen ? closeField(d, slot) : openField(d, slot), message: t('spaziCity.hours.error.both', { day, slot }) });
        continue;
      }
      const opens = parseTime(rawOpen);
      const closes = parseTime(rawClose);
      if (!opens) issues.push({ field: openField(d, slot), message: t('spaziCity.hours.error.format', { day, slot, value: rawOpen.slice(0, 20) }) });
      if (!closes) issues.push({ field: closeField(d, slot), message: t('spaziCity.hours.error.format', { day, slot, value: rawClose.slice(0, 20) }) });
      if (!opens || !closes) continue;
      if (closes <= opens) {
        issues.push({ field: closeField(d, slot), message: t('spaziCity.hours.error.order', { day, slot, opens, closes }) });
        continue;
      }
      ofDay.push({ weekday: d, opens, closes, slot });
    }
    ofDay.sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < ofDay.length; i++) {
      const prev = ofDay[i - 1]!;
      const cur = ofDay[i]!;
      if (cur.opens < prev.closes) {
        const [a, b] = [prev.slot, cur.slot].sort((x, y) => x - y);
        issues.push({ field: openField(d, Math.max(prev.slot, cur.slot)), message: t('spaziCity.hours.error.overlap', { day, a: a!, b: b! }) });
      }
    }
    ranges.push(...ofDay.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })));
  }
  const noteIt = (values.nota_it ?? '').trim();
  const noteEn = (values.nota_en ?? '').trim();
  if (noteIt.length > NOTE_MAX) issues.push({ field: 'nota_it', message: t('spaziCity.hours.error.noteLength', { max: NOTE_MAX }) });
  if (noteEn.length > NOTE_MAX) issues.push({ field: 'nota_en', message: t('spaziCity.hours.error.noteLength', { max: NOTE_MAX }) });
  if (issues.length) return { ok: false, issues };
  ranges.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  return { ok: true, value: { ranges, note: { it: noteIt, en: noteEn } } };
}

/** Saves the opening hours of a Spazio (any status), with the audit row. */
export async function saveOpeningHours(
  db: Db,
  actor: Actor,
  spazioId: string,
  input: { ranges: OpeningRange[]; note: { it: string; en: string } },
): Promise<CitySpazioRow | undefined> {
  return db.transaction(async (tx) => {
    const before = await lockSpazio(tx, spazioId);
    if (!before) return undefined;
    await replaceOpeningHours(tx, spazioId, input.ranges, input.note);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'spazi.hours.update',
      targetType: 'location',
      targetId: spazioId,
      ip: actor.ip,
      details: {
        slug: before.slug,
        before: { ranges: before.opening_hours, note_it: before.hours_it, note_en: before.hours_en },
        after: { ranges: input.ranges, note_it: input.note.it, note_en: input.note.en },
      },
    });
    return before;
  });
}

export const isSpazioStatus = (s: unknown): s is SpazioStatus => typeof s === 'string' && (SPAZIO_STATUSES as readonly string[]).includes(s);

/**
 * Changes the status of a Spazio. Archiving takes it off the public site, so it needs `confirmed` (the
 * confirmation step); without it the outcome asks for confirmation (`needsConfirmation`).
 */
export async function changeSpazioStatus(
  db: Db,
  actor: Actor,
  spazioId: string,
  input: { status: string | undefined; confirmed: boolean },
  t: Translate,
): Promise<Outcome<{ from: SpazioStatus; to: SpazioStatus }> | { ok: false; needsConfirmation: true; issues: FieldIssue[] }> {
  if (!isSpazioStatus(input.status)) return { ok: false, issues: [{ field: 'stato', message: t('spaziCity.status.error.choose') }] };
  const to = input.status;
  return db.transaction(async (tx) => {
    const row = await lockSpazio(tx, spazioId);
    if (!row) return { ok: false, issues: [{ field: 'stato', message: t('spaziCity.status.error.gone') }] };
    if (row.status === to) return { ok: false, issues: [{ field: 'stato', message: t('spaziCity.status.error.same') }] };
    if (to === 'archived' && !input.confirmed) return { ok: false, needsConfirmation: true, issues: [] };
    await setSpazioStatus(tx, spazioId, to);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: to === 'archived' ? 'spazi.archive' : row.status === 'archived' ? 'spazi.restore' : 'spazi.status.change',
      targetType: 'location',
      targetId: spazioId,
      ip: actor.ip,
      details: { slug: row.slug, from: row.status, to },
    });
    return { ok: true, value: { from: row.status, to } };
  });
}
