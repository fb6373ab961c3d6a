import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import {
  FORM_NAMES,
  listName,
  packageName,
  parseDay,
  parseDecimal,
  parseWhole,
  staffName,
  tierName,
  type CardData,
  type CardField,
} from './card-data';

// Validation of a card. Two levels: `complete: false` ("Salva bozza") reports only values that are wrong as
// typed or inconsistent with each other; `complete: true` (submission, approval) also asks for everything a
// published card needs. Problems carry message keys (translated by the page), the form field they belong to
// (the error summary links to it) and where they are, so the summary reads "Listino 1, fascia 2: …".

type Params = Record<string, string | number>;

export interface CardIssue {
  /** Name (and id) of the form field. */
  field: string;
  key: MessageKey;
  params?: Params;
  where: { key: MessageKey; params?: Params };
}

export interface ValidateOptions {
  /** Today in Milan, YYYY-MM-DD (price lists must not all be expired). */
  today: string;
  complete: boolean;
}

export const LIMITS = {
  name: 150,
  summary: 400,
  long: 4000,
  recipients: 2000,
  short: 300,
  person: 150,
  metro: 80,
  metroCount: 60,
  people: 1000,
  days: 365,
  staffCount: 10_000,
  years: 80,
  units: 100_000,
  notes: 500,
  maxPrice: 99_999_999.99,
} as const;

const PHONE = /^\+?[0-9][0-9 ./()-]{4,24}$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const blank = (s: string) => s.trim() === '';

/** Positive/zero integer in a range, or the issue to report. */
function wholeIssue(s: string, min: number, max: number): { key: MessageKey; params?: Params } | undefined {
  const n = parseWhole(s);
  if (n === undefined) return { key: 'cards.error.whole' };
  if (n < min || n > max) return { key: 'validation.outOfRange', params: { min, max } };
  return undefined;
}

function moneyIssue(s: string): { key: MessageKey; params?: Params } | undefined {
  const v = s.trim();
  if (/^-/.test(v)) return { key: 'cards.error.negative' };
  const n = parseDecimal(v);
  if (n === undefined) return { key: 'cards.error.money' };
  if (n > LIMITS.maxPrice) return { key: 'cards.error.money' };
  return undefined;
}

const overlaps = (aMin: number, aMax: number | null, bMin: number, bMax: number | null) => aMin <= (bMax ?? Infinity) && bMin <= (aMax ?? Infinity);

export function validateCard(d: CardData, opts: ValidateOptions): CardIssue[] {
  const issues: CardIssue[] = [];
  const fieldWhere = (f: CardField) => ({ key: `cards.field.${f}` as MessageKey });
  const add = (field: string, where: CardIssue['where'], key: MessageKey, params?: Params) => issues.push({ field, key, ...(params ? { params } : {}), where });
  const simple = (f: keyof typeof FORM_NAMES, key: MessageKey, params?: Params) => add(FORM_NAMES[f], fieldWhere(f), key, params);

  // Texts: lengths, then what a published card needs.
  const texts: [keyof typeof FORM_NAMES, number, boolean][] = [
    ['name', LIMITS.name, true],
    ['summaryIt', LIMITS.summary, true],
    ['summaryEn', LIMITS.summary, false],
    ['needAnalysis', LIMITS.long, true],
    ['proposedSolution', LIMITS.long, true],
    ['staffActivities', LIMITS.long, false],
    ['recipients', LIMITS.recipients, false],
    ['deliveryOther', LIMITS.notes, false],
    ['contactHours', LIMITS.short, false],
    ['responsibleName', LIMITS.person, true],
    ['responsibleRole', LIMITS.person, false],
  ];
  for (const [f, max, required] of texts) {
    const v = d[f] as string;
    if (v.trim().length > max) simple(f, 'validation.tooLong', { max });
    else if (opts.complete && required && blank(v)) simple(f, 'cards.error.required');
  }
  if (blank(d.name) && !opts.complete) simple('name', 'cards.error.required');

  // Recipients and people.
  if (opts.complete && d.targetGroups.length === 0) simple('targetGroups', 'cards.error.chooseOne');
  if (opts.complete && !d.mode) simple('mode', 'cards.error.choose');
  const minIssue = blank(d.minPeople) ? (opts.complete ? { key: 'cards.error.required' as MessageKey } : undefined) : wholeIssue(d.minPeople, 1, LIMITS.people);
  const maxIssue = blank(d.maxPeople) ? (opts.complete ? { key: 'cards.error.required' as MessageKey } : undefined) : wholeIssue(d.maxPeople, 1, LIMITS.people);
  if (minIssue) simple('minPeople', minIssue.key, minIssue.params);
  if (maxIssue) simple('maxPeople', maxIssue.key, maxIssue.params);
  const minP = parseWhole(d.minPeople);
  const maxP = parseWhole(d.maxPeople);
  if (!minIssue && !maxIssue && minP !== undefined && maxP !== undefined) {
    if (maxP < minP) simple('maxPeople', 'cards.error.peopleRange');
    else if (d.mode === 'individual' && maxP > 1) simple('maxPeople', 'cards.error.individual');
  }

  // Delivery period.
  const from = blank(d.deliveryFrom) ? null : parseDay(d.deliveryFrom);
  const to = blank(d.deliveryTo) ? null : parseDay(d.deliveryTo);
  if (from === undefined) simple('deliveryFrom', 'cards.error.date');
  if (to === undefined) simple('deliveryTo', 'cards.error.date');
  if (from && to && to < from) simple('deliveryTo', 'cards.error.dateOrder');

  // Area.
  if (d.metroMunicipalities.length > LIMITS.metroCount) simple('metroMunicipalities', 'cards.error.tooMany', { max: LIMITS.metroCount });
  else if (d.metroMunicipalities.some((m) => m.trim().length > LIMITS.metro)) simple('metroMunicipalities', 'cards.error.metroName', { max: LIMITS.metro });
  if (opts.complete && d.municipi.length === 0 && d.metroMunicipalities.length === 0) simple('municipi', 'cards.error.area');

  // Places.
  if (opts.complete && d.deliveryPlaces.length === 0) simple('deliveryPlaces', 'cards.error.chooseOne');
  if (opts.complete && d.deliveryPlaces.includes('altro') && blank(d.deliveryOther)) simple('deliveryOther', 'cards.error.otherPlace');

  // First contact and waiting times.
  if (!blank(d.contactPhone) && !PHONE.test(d.contactPhone.trim())) simple('contactPhone', 'cards.error.phone');
  if (!blank(d.contactEmail) && (d.contactEmail.trim().length > 254 || !EMAIL.test(d.contactEmail.trim()))) simple('contactEmail', 'cards.error.email');
  if (opts.complete && blank(d.contactPhone) && blank(d.contactEmail)) simple('contactPhone', 'cards.error.contact');
  for (const f of ['waitAnalysisDays', 'waitActivationDays'] as const) {
    const i = blank(d[f]) ? undefined : wholeIssue(d[f], 0, LIMITS.days);
    if (i) simple(f, i.key, i.params);
  }

  // Staff.
  d.staff.forEach((s, i) => {
    const where = { key: 'cards.where.staff' as MessageKey, params: { n: i + 1 } };
    if (blank(s.count)) {
      if (opts.complete) add(staffName(i, 'numero'), where, 'cards.error.staffCount');
    } else {
      const c = wholeIssue(s.count, 1, LIMITS.staffCount);
      if (c) add(staffName(i, 'numero'), where, c.key, c.params);
    }
    if (!blank(s.yearsExperience)) {
      const y = wholeIssue(s.yearsExperience, 0, LIMITS.years);
      if (y) add(staffName(i, 'anni'), where, y.key, y.params);
    }
    if (s.qualifications.trim().length > LIMITS.short) add(staffName(i, 'qualifiche'), where, 'validation.tooLong', { max: LIMITS.short });
    if (s.supplier.trim().length > LIMITS.person) add(staffName(i, 'fornitore'), where, 'validation.tooLong', { max: LIMITS.person });
    if (opts.complete && s.kind === 'external' && blank(s.supplier)) add(staffName(i, 'fornitore'), where, 'cards.error.supplier');
  });
  if (opts.complete && d.staff.length === 0) add(staffName(0, 'numero'), { key: 'cards.where.staff', params: { n: 1 } }, 'cards.error.staffRequired');

  // Price.
  if (opts.complete && !d.offerType) simple('offerType', 'cards.error.choose');
  const paid = d.offerType === 'paid';
  if (opts.complete && paid && !d.priceUnit) simple('priceUnit', 'cards.error.choose');
  if (!blank(d.vatRate)) {
    const v = moneyIssue(d.vatRate);
    const n = parseDecimal(d.vatRate);
    if (v) simple('vatRate', v.key === 'cards.error.money' ? 'cards.error.vat' : v.key);
    else if (n !== undefined && n > 100) simple('vatRate', 'cards.error.vat');
  } else if (opts.complete && paid) simple('vatRate', 'cards.error.required');
  d.packages.forEach((p, i) => {
    const where = { key: 'cards.where.package' as MessageKey, params: { n: i + 1 } };
    if (blank(p.name)) add(packageName(i, 'nome'), where, 'cards.error.packageName');
    else if (p.name.trim().length > LIMITS.name) add(packageName(i, 'nome'), where, 'validation.tooLong', { max: LIMITS.name });
    if (p.description.trim().length > LIMITS.notes) add(packageName(i, 'descrizione'), where, 'validation.tooLong', { max: LIMITS.notes });
    if (!blank(p.units)) {
      const u = wholeIssue(p.units, 1, LIMITS.units);
      if (u) add(packageName(i, 'unita'), where, u.key, u.params);
    }
    if (!blank(p.price)) {
      const m = moneyIssue(p.price);
      if (m) add(packageName(i, 'prezzo'), where, m.key, m.params);
    }
  });

  // Price lists: windows, minimum units, tiers (people × units, unit price VAT included).
  const windows: { l: number; from: string; to: string | null }[] = [];
  d.priceLists.forEach((list, l) => {
    const where = { key: 'cards.where.list' as MessageKey, params: { n: l + 1 } };
    const vf = blank(list.validFrom) ? undefined : parseDay(list.validFrom);
    const vt = blank(list.validTo) ? null : parseDay(list.validTo);
    if (blank(list.validFrom)) add(listName(l, 'dal'), where, 'cards.error.listFrom');
    else if (vf === undefined) add(listName(l, 'dal'), where, 'cards.error.date');
    if (vt === undefined) add(listName(l, 'al'), where, 'cards.error.date');
    if (vf && vt && vt < vf) add(listName(l, 'al'), where, 'cards.error.listTo');
    if (vf && vt !== undefined && !(vt && vt < vf)) windows.push({ l, from: vf, to: vt });
    if (!blank(list.minUnits)) {
      const m = wholeIssue(list.minUnits, 1, LIMITS.units);
      if (m) add(listName(l, 'min-unita'), where, m.key, m.params);
    }
    if (list.notes.trim().length > LIMITS.notes) add(listName(l, 'note'), where, 'validation.tooLong', { max: LIMITS.notes });
    if (list.tiers.length === 0) add(tierName(l, 0, 'pmin'), where, 'cards.error.listNoTiers');

    const valid: { t: number; pMin: number; pMax: number | null; uMin: number; uMax: number | null }[] = [];
    list.tiers.forEach((tier, t) => {
      const tw = { key: 'cards.where.tier' as MessageKey, params: { list: l + 1, n: t + 1 } };
      let ok = true;
      const pMinI = blank(tier.peopleMin) ? { key: 'cards.error.required' as MessageKey } : wholeIssue(tier.peopleMin, 1, LIMITS.people);
      const pMaxI = blank(tier.peopleMax) ? undefined : wholeIssue(tier.peopleMax, 1, LIMITS.people);
      const uMinI = blank(tier.unitsMin) ? { key: 'cards.error.required' as MessageKey } : wholeIssue(tier.unitsMin, 1, LIMITS.units);
      const uMaxI = blank(tier.unitsMax) ? undefined : wholeIssue(tier.unitsMax, 1, LIMITS.units);
      const priceI = blank(tier.unitPrice) ? { key: 'cards.error.tierPrice' as MessageKey } : moneyIssue(tier.unitPrice);
      for (const [part, i] of [['pmin', pMinI], ['pmax', pMaxI], ['umin', uMinI], ['umax', uMaxI], ['prezzo', priceI]] as const) {
        if (i) {
          add(tierName(l, t, part), tw, i.key, i.params);
          ok = false;
        }
      }
      if (!ok) return;
      const pMin = parseWhole(tier.peopleMin)!;
      const pMax = blank(tier.peopleMax) ? null : parseWhole(tier.peopleMax)!;
      const uMin = parseWhole(tier.unitsMin)!;
      const uMax = blank(tier.unitsMax) ? null : parseWhole(tier.unitsMax)!;
      if (pMax !== null && pMax < pMin) {
        add(tierName(l, t, 'pmax'), tw, 'cards.error.tierPeople');
        return;
      }
      if (uMax !== null && uMax < uMin) {
        add(tierName(l, t, 'umax'), tw, 'cards.error.tierUnits');
        return;
      }
      valid.push({ t, pMin, pMax, uMin, uMax });
    });
    // Ordered by people, then units; no two tiers cover the same number of people and units.
    for (let j = 1; j < valid.length; j++) {
      const a = valid[j - 1]!;
      const b = valid[j]!;
      if (b.pMin < a.pMin || (b.pMin === a.pMin && b.uMin <= a.uMin)) {
        add(tierName(l, b.t, 'pmin'), { key: 'cards.where.tier', params: { list: l + 1, n: b.t + 1 } }, 'cards.error.tierOrder');
      }
    }
    for (let j = 0; j < valid.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = valid[i]!;
        const b = valid[j]!;
        if (overlaps(a.pMin, a.pMax, b.pMin, b.pMax) && overlaps(a.uMin, a.uMax, b.uMin, b.uMax)) {
          add(tierName(l, b.t, 'pmin'), { key: 'cards.where.tier', params: { list: l + 1, n: b.t + 1 } }, 'cards.error.tierOverlap', { other: a.t + 1 });
          break;
        }
      }
    }
  });
  // At most one list valid on any day.
  for (let j = 0; j < windows.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = windows[i]!;
      const b = windows[j]!;
      if (a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31')) {
        add(listName(b.l, 'dal'), { key: 'cards.where.list', params: { n: b.l + 1 } }, 'cards.error.listOverlap', { other: a.l + 1 });
        break;
      }
    }
  }
  if (opts.complete && paid) {
    if (d.priceLists.length === 0) add(listName(0, 'dal'), { key: 'cards.where.list', params: { n: 1 } }, 'cards.error.listRequired');
    else if (windows.length > 0 && !windows.some((w) => w.to === null || w.to >= opts.today)) {
      add(listName(windows[windows.length - 1]!.l, 'al'), { key: 'cards.where.list', params: { n: windows[windows.length - 1]!.l + 1 } }, 'cards.error.listExpired');
    }
  }
  return issues;
}

/** Problems as the form shows them: "Where: what", linked to the field. */
export function translateIssues(issues: CardIssue[], t: Translate): FieldIssue[] {
  return issues.map((i) => ({ field: i.field, message: `${t(i.where.key, i.where.params)}: ${t(i.key, i.params)}` }));
}

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today in Milan, YYYY-MM-DD. */
export const todayInMilan = (now: Date = new Date()) => romeDay.format(now);

/**
 * What stops a preview: the values must be storable (the checks of a draft) and the few choices every card
 * row needs must be made (type of offer, individual or shared, number of people).
 */
export function previewIssues(d: CardData, today: string): CardIssue[] {
  const issues = validateCard(d, { today, complete: false });
  const need = (f: 'offerType' | 'mode' | 'minPeople' | 'maxPeople', key: MessageKey) => {
    if (!issues.some((i) => i.field === FORM_NAMES[f])) issues.push({ field: FORM_NAMES[f], key, where: { key: `cards.field.${f}` as MessageKey } });
  };
  if (!d.offerType) need('offerType', 'cards.error.choose');
  if (!d.mode) need('mode', 'cards.error.choose');
  if (d.minPeople.trim() === '') need('minPeople', 'cards.error.required');
  if (d.maxPeople.trim() === '') need('maxPeople', 'cards.error.required');
  return issues;
}
