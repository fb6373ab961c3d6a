import { z } from 'zod';
import type { Queryable } from '../../db/database';
import type { MessageKey } from '../../i18n/catalogue';

// The whole service card as an ente edits it, stored in service_revision.data. Values an ente types are kept
// as text (so "Salva bozza" keeps an invalid value and shows it again with its error); choices are codes and
// term / place ids. Numbers and dates are kept in a canonical form when they are valid ("18.50", "2026-03-01"),
// so a card read from the tables and the same card saved from the form compare equal.
//
// snapshotCard() reads the published card (service row and child tables) into this shape; applyCard() writes
// it back; diffCards() tells the City what a revision changes, field by field, grouped by section.

export const DELIVERY_PLACES = ['domicilio', 'sede_ente', 'accompagnamento', 'online', 'altro'] as const;
export const PRICE_UNITS = ['ora', 'intervento', 'pasto', 'seduta', 'giorno', 'settimana', 'mese', 'lezione', 'corso', 'pacchetto', 'km', 'pratica'] as const;
export const OFFER_TYPES = ['free_public', 'free_volunteer', 'paid'] as const;
export const MODES = ['individual', 'shared', 'both'] as const;
export const STAFF_KINDS = ['internal', 'external'] as const;

export type Place = (typeof DELIVERY_PLACES)[number];
export type PriceUnit = (typeof PRICE_UNITS)[number];
export type OfferType = (typeof OFFER_TYPES)[number];
export type Mode = (typeof MODES)[number];
export type StaffKind = (typeof STAFF_KINDS)[number];

export interface StaffData {
  kind: StaffKind;
  count: string;
  qualifications: string;
  yearsExperience: string;
  /** 'yes' | 'no' | '' (not said). */
  references: 'yes' | 'no' | '';
  supplier: string;
}

export interface PackageData {
  name: string;
  description: string;
  units: string;
  price: string;
}

export interface TierData {
  peopleMin: string;
  peopleMax: string;
  unitsMin: string;
  unitsMax: string;
  /** Unit price in euro, VAT included. */
  unitPrice: string;
}

export interface PriceListData {
  validFrom: string;
  validTo: string;
  minUnits: string;
  notes: string;
  tiers: TierData[];
}

export interface CardData {
  v: 1;
  /** Fixed when the card is created (a service type under a category the ente is qualified for). */
  serviceTypeId: string;
  // Description
  name: string;
  summaryIt: string;
  summaryEn: string;
  needAnalysis: string;
  proposedSolution: string;
  staffActivities: string;
  // Recipients
  recipients: string;
  targetGroups: string[];
  mode: Mode | '';
  minPeople: string;
  maxPeople: string;
  // Activities and times
  tasks: string[];
  timeBands: string[];
  deliveryFrom: string;
  deliveryTo: string;
  // Area
  municipi: string[];
  metroMunicipalities: string[];
  // Places
  deliveryPlaces: Place[];
  deliveryOther: string;
  /** Sites of the ente (location ids, kind 'ente_site'). */
  sites: string[];
  // First contact, person responsible, waiting times
  contactPhone: string;
  contactEmail: string;
  contactHours: string;
  responsibleName: string;
  responsibleRole: string;
  waitAnalysisDays: string;
  waitActivationDays: string;
  // Staff
  staff: StaffData[];
  // Price
  offerType: OfferType | '';
  priceUnit: PriceUnit | '';
  vatRate: string;
  customQuote: boolean;
  supportSchemes: string[];
  packages: PackageData[];
  // Price lists
  priceLists: PriceListData[];
}

/** Sections of the card: the edit form's fieldsets, the City's notes and the groups of the diff. */
export const CARD_SECTIONS = ['general', 'recipients', 'activities', 'area', 'access', 'contacts', 'staff', 'price', 'priceLists'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

export type CardField = Exclude<keyof CardData, 'v'>;

/** Every field in form order, with its section. */
export const CARD_FIELDS: readonly { field: CardField; section: CardSection }[] = [
  { field: 'serviceTypeId', section: 'general' },
  { field: 'name', section: 'general' },
  { field: 'summaryIt', section: 'general' },
  { field: 'summaryEn', section: 'general' },
  { field: 'needAnalysis', section: 'general' },
  { field: 'proposedSolution', section: 'general' },
  { field: 'staffActivities', section: 'general' },
  { field: 'recipients', section: 'recipients' },
  { field: 'targetGroups', section: 'recipients' },
  { field: 'mode', section: 'recipients' },
  { field: 'minPeople', section: 'recipients' },
  { field: 'maxPeople', section: 'recipients' },
  { field: 'tasks', section: 'activities' },
  { field: 'timeBands', section: 'activities' },
  { field: 'deliveryFrom', section: 'activities' },
  { field: 'deliveryTo', section: 'activities' },
  { field: 'municipi', section: 'area' },
  { field: 'metroMunicipalities', section: 'area' },
  { field: 'deliveryPlaces', section: 'access' },
  { field: 'deliveryOther', section: 'access' },
  { field: 'sites', section: 'access' },
  { field: 'contactPhone', section: 'contacts' },
  { field: 'contactEmail', section: 'contacts' },
  { field: 'contactHours', section: 'contacts' },
  { field: 'responsibleName', section: 'contacts' },
  { field: 'responsibleRole', section: 'contacts' },
  { field: 'waitAnalysisDays', section: 'contacts' },
  { field: 'waitActivationDays', section: 'contacts' },
  { field: 'staff', section: 'staff' },
  { field: 'offerType', section: 'price' },
  { field: 'priceUnit', section: 'price' },
  { field: 'vatRate', section: 'price' },
  { field: 'customQuote', section: 'price' },
  { field: 'supportSchemes', section: 'price' },
  { field: 'packages', section: 'price' },
  { field: 'priceLists', section: 'priceLists' },
];

export const sectionOf = (field: CardField): CardSection => CARD_FIELDS.find((f) => f.field === field)!.section;

// ---------------------------------------------------------------------------------------------------
// Form field names: the edit form, the validation messages and the error summary share them (the id of a
// field is its name, so the summary links to it).

export const FORM_NAMES: Record<Exclude<CardField, 'serviceTypeId' | 'staff' | 'packages' | 'priceLists'>, string> = {
  name: 'nome',
  summaryIt: 'sintesi-it',
  summaryEn: 'sintesi-en',
  needAnalysis: 'analisi-bisogno',
  proposedSolution: 'soluzione',
  staffActivities: 'attivita-personale',
  recipients: 'destinatari',
  targetGroups: 'gruppi',
  mode: 'modalita',
  minPeople: 'persone-min',
  maxPeople: 'persone-max',
  tasks: 'mansioni',
  timeBands: 'fasce',
  deliveryFrom: 'periodo-dal',
  deliveryTo: 'periodo-al',
  municipi: 'municipi',
  metroMunicipalities: 'comuni-metro',
  deliveryPlaces: 'luoghi',
  deliveryOther: 'luogo-altro',
  sites: 'sedi',
  contactPhone: 'telefono',
  contactEmail: 'email',
  contactHours: 'orari-contatto',
  responsibleName: 'responsabile',
  responsibleRole: 'ruolo-responsabile',
  waitAnalysisDays: 'attesa-analisi',
  waitActivationDays: 'attesa-attivazione',
  offerType: 'offerta',
  priceUnit: 'unita',
  vatRate: 'iva',
  customQuote: 'preventivo',
  supportSchemes: 'sostegni',
};

export type StaffPart = 'tipo' | 'numero' | 'qualifiche' | 'anni' | 'referenze' | 'fornitore';
export type PackagePart = 'nome' | 'descrizione' | 'unita' | 'prezzo';
export type ListPart = 'dal' | 'al' | 'min-unita' | 'note';
export type TierPart = 'pmin' | 'pmax' | 'umin' | 'umax' | 'prezzo';

/** Rows are numbered from 1 in the form, as people count them. */
export const staffName = (i: number, part: StaffPart) => `personale-${i + 1}-${part}`;
export const packageName = (i: number, part: PackagePart) => `pacchetto-${i + 1}-${part}`;
export const listName = (l: number, part: ListPart) => `listino-${l + 1}-${part}`;
export const tierName = (l: number, t: number, part: TierPart) => `listino-${l + 1}-fascia-${t + 1}-${part}`;

// ---------------------------------------------------------------------------------------------------
// Canonical values

const MONEY = /^\d{1,8}(?:[.,]\d{1,2})?$/;

/** A decimal typed with a comma or a dot, as a number; undefined when it is not one. */
export function parseDecimal(s: string): number | undefined {
  const v = s.trim();
  if (!MONEY.test(v)) return undefined;
  return Number(v.replace(',', '.'));
}

/** Canonical text of an amount: "18" or "18.50". */
export function moneyText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A whole number ≥ 0 typed in a field; undefined when it is not one. */
export function parseWhole(s: string): number | undefined {
  const v = s.trim();
  if (!/^\d{1,9}$/.test(v)) return undefined;
  return Number(v);
}

/** A calendar date typed as YYYY-MM-DD (date inputs) or DD/MM/YYYY; undefined when it is not a real date. */
export function parseDay(s: string): string | undefined {
  const v = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A typed value in its canonical form when it is valid, or as typed (trimmed) when it is not. */
export const canonicalMoney = (s: string) => {
  const n = parseDecimal(s);
  return n === undefined ? s.trim() : moneyText(n);
};
export const canonicalWhole = (s: string) => {
  const n = parseWhole(s);
  return n === undefined ? s.trim() : String(n);
};
export const canonicalDay = (s: string) => parseDay(s) ?? s.trim();

// ---------------------------------------------------------------------------------------------------
// Reading stored data (defensively: the jsonb may come from an older shape)

const str = z.string().catch('');
const ids = z.array(z.string()).catch([]);
const staffSchema = z.object({
  kind: z.enum(STAFF_KINDS).catch('internal'),
  count: str,
  qualifications: str,
  yearsExperience: str,
  references: z.enum(['yes', 'no', '']).catch(''),
  supplier: str,
});
const packageSchema = z.object({ name: str, description: str, units: str, price: str });
const tierSchema = z.object({ peopleMin: str, peopleMax: str, unitsMin: str, unitsMax: str, unitPrice: str });
const listSchema = z.object({ validFrom: str, validTo: str, minUnits: str, notes: str, tiers: z.array(tierSchema).catch([]) });

const cardSchema = z.object({
  v: z.literal(1).catch(1),
  serviceTypeId: str,
  name: str,
  summaryIt: str,
  summaryEn: str,
  needAnalysis: str,
  proposedSolution: str,
  staffActivities: str,
  recipients: str,
  targetGroups: ids,
  mode: z.enum([...MODES, '']).catch(''),
  minPeople: str,
  maxPeople: str,
  tasks: ids,
  timeBands: ids,
  deliveryFrom: str,
  deliveryTo: str,
  municipi: ids,
  metroMunicipalities: ids,
  deliveryPlaces: z.array(z.enum(DELIVERY_PLACES)).catch([]),
  deliveryOther: str,
  sites: ids,
  contactPhone: str,
  contactEmail: str,
  contactHours: str,
  responsibleName: str,
  responsibleRole: str,
  waitAnalysisDays: str,
  waitActivationDays: str,
  staff: z.array(staffSchema).catch([]),
  offerType: z.enum([...OFFER_TYPES, '']).catch(''),
  priceUnit: z.enum([...PRICE_UNITS, '']).catch(''),
  vatRate: str,
  customQuote: z.boolean().catch(false),
  supportSchemes: ids,
  packages: z.array(packageSchema).catch([]),
  priceLists: z.array(listSchema).catch([]),
});

/** The card stored in a revision (unknown or damaged parts read as empty). */
export function readCardData(json: unknown): CardData {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  return cardSchema.parse(value ?? {}) as CardData;
}

/** An empty card of a service type (a new card starts from it, named after its type). */
export function emptyCard(serviceTypeId: string, name = ''): CardData {
  return {
    v: 1, serviceTypeId, name, summaryIt: '', summaryEn: '', needAnalysis: '', proposedSolution: '', staffActivities: '',
    recipients: '', targetGroups: [], mode: '', minPeople: '1', maxPeople: '1', tasks: [], timeBands: [], deliveryFrom: '', deliveryTo: '',
    municipi: [], metroMunicipalities: [], deliveryPlaces: [], deliveryOther: '', sites: [],
    contactPhone: '', contactEmail: '', contactHours: '', responsibleName: '', responsibleRole: '', waitAnalysisDays: '', waitActivationDays: '',
    staff: [], offerType: '', priceUnit: '', vatRate: '', customQuote: false, supportSchemes: [], packages: [], priceLists: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Snapshot: the published card read into CardData

interface ServiceSnapshotRow {
  service_type_id: string;
  name: string;
  summary_it: string;
  summary_en: string;
  need_analysis: string;
  proposed_solution: string;
  staff_activities: string;
  recipients: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_hours: string;
  metro_municipalities: string[];
  responsible_name: string;
  responsible_role: string;
  wait_analysis_days: number | null;
  wait_activation_days: number | null;
  delivery_places: string[];
  delivery_other: string;
  staff: unknown;
  offer_type: OfferType;
  price_unit: PriceUnit;
  vat_rate: number;
  custom_quote: boolean;
  packages: unknown;
  mode: Mode;
  min_people: number;
  max_people: number;
  delivery_from: string | null;
  delivery_to: string | null;
}

const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const jsonArray = (v: unknown): Record<string, unknown>[] => {
  const a = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(a) ? a.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object') : [];
};
const asText = (v: unknown) => (typeof v === 'string' ? v : '');
const asNumText = (v: unknown, money = false) => (typeof v === 'number' && Number.isFinite(v) ? (money ? moneyText(v) : String(v)) : '');

/** The card as it is in the tables now (the published version while a revision waits). */
export async function snapshotCard(q: Queryable, serviceId: string): Promise<CardData> {
  const s = await q.one<ServiceSnapshotRow>(
    `select service_type_id, name, summary_it, summary_en, need_analysis, proposed_solution, staff_activities, recipients,
            contact_phone, contact_email, contact_hours, metro_municipalities, responsible_name, responsible_role,
            wait_analysis_days, wait_activation_days, delivery_places, delivery_other, staff, offer_type, price_unit, vat_rate,
            custom_quote, packages, mode, min_people, max_people, delivery_from, delivery_to
       from service where id = $1`,
    [serviceId],
  );
  const [terms, areas, sites, lists, tiers] = await Promise.all([
    q.query<{ id: string; taxonomy: string }>(
      `select t.id, tx.code as taxonomy from service_taxonomy x
         join taxonomy_term t on t.id = x.term_id join taxonomy tx on tx.id = t.taxonomy_id
        where x.service_id = $1 order by tx.code, t.position, t.name_it, t.id`,
      [serviceId],
    ),
    q.query<{ id: string }>(
      `select t.id from service_area a join taxonomy_term t on t.id = a.municipio_id where a.service_id = $1 order by t.position, t.id`,
      [serviceId],
    ),
    q.query<{ id: string }>(
      `select l.id from service_at_location sal join location l on l.id = sal.location_id
        where sal.service_id = $1 and l.kind = 'ente_site' order by l.name, l.id`,
      [serviceId],
    ),
    q.query<{ id: string; valid_from: string; valid_to: string | null; min_units: number; notes: string }>(
      `select id, valid_from, valid_to, min_units, notes from price_list where service_id = $1 order by valid_from, created_at, id`,
      [serviceId],
    ),
    q.query<{ price_list_id: string; people_min: number; people_max: number | null; units_min: number; units_max: number | null; unit_price: number }>(
      `select pt.price_list_id, pt.people_min, pt.people_max, pt.units_min, pt.units_max, pt.unit_price
         from price_tier pt join price_list pl on pl.id = pt.price_list_id
        where pl.service_id = $1 order by pt.people_min, pt.units_min, pt.unit_price, pt.id`,
      [serviceId],
    ),
  ]);
  const of = (code: string) => terms.filter((t) => t.taxonomy === code).map((t) => t.id);
  return {
    v: 1,
    serviceTypeId: s.service_type_id,
    name: s.name,
    summaryIt: s.summary_it,
    summaryEn: s.summary_en,
    needAnalysis: s.need_analysis,
    proposedSolution: s.proposed_solution,
    staffActivities: s.staff_activities,
    recipients: s.recipients,
    targetGroups: of('target_group'),
    mode: s.mode,
    minPeople: String(s.min_people),
    maxPeople: String(s.max_people),
    tasks: of('task'),
    timeBands: of('time_band'),
    deliveryFrom: s.delivery_from ?? '',
    deliveryTo: s.delivery_to ?? '',
    municipi: areas.map((a) => a.id),
    metroMunicipalities: [...s.metro_municipalities],
    deliveryPlaces: DELIVERY_PLACES.filter((p) => s.delivery_places.includes(p)),
    deliveryOther: s.delivery_other,
    sites: sites.map((x) => x.id),
    contactPhone: s.contact_phone ?? '',
    contactEmail: s.contact_email ?? '',
    contactHours: s.contact_hours,
    responsibleName: s.responsible_name,
    responsibleRole: s.responsible_role,
    waitAnalysisDays: numText(s.wait_analysis_days),
    waitActivationDays: numText(s.wait_activation_days),
    staff: jsonArray(s.staff).map((x) => ({
      kind: x.kind === 'external' ? 'external' : 'internal',
      count: asNumText(x.count),
      qualifications: asText(x.qualifications),
      yearsExperience: asNumText(x.years_experience),
      references: x.references_available === true ? 'yes' : x.references_available === false ? 'no' : '',
      supplier: asText(x.supplier),
    })),
    offerType: s.offer_type,
    priceUnit: s.price_unit,
    vatRate: moneyText(Number(s.vat_rate)),
    customQuote: s.custom_quote,
    supportSchemes: of('support_scheme'),
    packages: jsonArray(s.packages).map((x) => ({
      name: asText(x.name),
      description: asText(x.description),
      units: asNumText(x.units),
      price: asNumText(x.price, true),
    })),
    priceLists: lists.map((l) => ({
      validFrom: l.valid_from,
      validTo: l.valid_to ?? '',
      minUnits: String(l.min_units),
      notes: l.notes,
      tiers: tiers
        .filter((t) => t.price_list_id === l.id)
        .map((t) => ({
          peopleMin: String(t.people_min),
          peopleMax: numText(t.people_max),
          unitsMin: String(t.units_min),
          unitsMax: numText(t.units_max),
          unitPrice: moneyText(Number(t.unit_price)),
        })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Apply: CardData written into the service row and its child tables

export class InvalidCardError extends Error {
  constructor(readonly field: string) {
    super(`The card cannot be applied: ${field} is not valid`);
  }
}

function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new InvalidCardError(field);
  return value;
}
const optWhole = (s: string, field: string) => (s.trim() === '' ? null : need(parseWhole(s), field));
const optDay = (s: string, field: string) => (s.trim() === '' ? null : need(parseDay(s), field));
const optText = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * Writes the card into the service row and its children (terms, Municipi, ente sites, price lists) and
 * rebuilds its search document. The data must have passed validateCard(); a value that cannot be stored
 * throws InvalidCardError. Links to places that are not ente sites (Spazi WeMi) are kept as they are.
 */
export async function applyCard(q: Queryable, serviceId: string, data: CardData): Promise<void> {
  if (!data.offerType) throw new InvalidCardError('offerType');
  if (!data.mode) throw new InvalidCardError('mode');
  const staff = data.staff.map((x, i) => ({
    kind: x.kind,
    count: optWhole(x.count, staffName(i, 'numero')),
    qualifications: x.qualifications.trim(),
    years_experience: optWhole(x.yearsExperience, staffName(i, 'anni')),
    references_available: x.references === 'yes' ? true : x.references === 'no' ? false : null,
    supplier: x.kind === 'external' ? x.supplier.trim() : '',
  }));
  const packages = data.packages.map((p, i) => ({
    name: p.name.trim(),
    description: p.description.trim(),
    units: optWhole(p.units, packageName(i, 'unita')),
    price: p.price.trim() === '' ? null : need(parseDecimal(p.price), packageName(i, 'prezzo')),
  }));
  await q.query(
    `update service set
       service_type_id = $2, name = $3, summary_it = $4, summary_en = $5, need_analysis = $6, proposed_solution = $7,
       staff_activities = $8, recipients = $9, contact_phone = $10, contact_email = $11, contact_hours = $12,
       metro_municipalities = $13, responsible_name = $14, responsible_role = $15, wait_analysis_days = $16,
       wait_activation_days = $17, delivery_places = $18, delivery_other = $19, staff = $20::jsonb, offer_type = $21,
       price_unit = $22, vat_rate = $23, custom_quote = $24, packages = $25::jsonb, mode = $26, min_people = $27,
       max_people = $28, delivery_from = $29, delivery_to = $30, updated_at = now()
     where id = $1`,
    [
      serviceId,
      data.serviceTypeId,
      data.name.trim(),
      data.summaryIt.trim(),
      data.summaryEn.trim(),
      data.needAnalysis.trim(),
      data.proposedSolution.trim(),
      data.staffActivities.trim(),
      data.recipients.trim(),
      optText(data.contactPhone),
      optText(data.contactEmail),
      data.contactHours.trim(),
      data.metroMunicipalities.map((m) => m.trim()).filter(Boolean),
      data.responsibleName.trim(),
      data.responsibleRole.trim(),
      optWhole(data.waitAnalysisDays, FORM_NAMES.waitAnalysisDays),
      optWhole(data.waitActivationDays, FORM_NAMES.waitActivationDays),
      DELIVERY_PLACES.filter((p) => data.deliveryPlaces.includes(p)),
      data.deliveryPlaces.includes('altro') ? data.deliveryOther.trim() : '',
      JSON.stringify(staff),
      data.offerType,
      data.priceUnit || 'ora',
      data.vatRate.trim() === '' ? 0 : need(parseDecimal(data.vatRate), FORM_NAMES.vatRate),
      data.customQuote,
      JSON.stringify(packages),
      data.mode,
      need(parseWhole(data.minPeople), FORM_NAMES.minPeople),
      need(parseWhole(data.maxPeople), FORM_NAMES.maxPeople),
      optDay(data.deliveryFrom, FORM_NAMES.deliveryFrom),
      optDay(data.deliveryTo, FORM_NAMES.deliveryTo),
    ],
  );
  // Terms: the category of the service type, then the ente's choices.
  await q.query('delete from service_taxonomy where service_id = $1', [serviceId]);
  await q.query(
    `insert into service_taxonomy (service_id, term_id)
     select $1, id from (
       select parent_id as id from taxonomy_term where id = $2 and parent_id is not null
       union select unnest($3::uuid[])
     ) x
     on conflict do nothing`,
    [serviceId, data.serviceTypeId, [...data.targetGroups, ...data.tasks, ...data.timeBands, ...data.supportSchemes]],
  );
  await q.query('delete from service_area where service_id = $1', [serviceId]);
  await q.query(`insert into service_area (service_id, municipio_id) select $1, unnest($2::uuid[]) on conflict do nothing`, [serviceId, data.municipi]);
  await q.query(
    `delete from service_at_location where service_id = $1 and location_id in (select id from location where kind = 'ente_site')`,
    [serviceId],
  );
  await q.query(
    `insert into service_at_location (service_id, location_id)
     select $1, l.id from location l join service s on s.id = $1
      where l.id = any($2::uuid[]) and l.kind = 'ente_site' and l.organization_id = s.organization_id
     on conflict do nothing`,
    [serviceId, data.sites],
  );
  // Price lists (tiers go with them, on delete cascade). The public page shows them only for paid cards.
  await q.query('delete from price_list where service_id = $1', [serviceId]);
  {
    for (const [l, list] of data.priceLists.entries()) {
      const row = await q.one<{ id: string }>(
        `insert into price_list (service_id, valid_from, valid_to, min_units, notes) values ($1, $2, $3, $4, $5) returning id`,
        [
          serviceId,
          need(parseDay(list.validFrom), listName(l, 'dal')),
          optDay(list.validTo, listName(l, 'al')),
          list.minUnits.trim() === '' ? 1 : need(parseWhole(list.minUnits), listName(l, 'min-unita')),
          list.notes.trim(),
        ],
      );
      for (const [t, tier] of list.tiers.entries()) {
        await q.query(
          `insert into price_tier (price_list_id, people_min, people_max, units_min, units_max, unit_price) values ($1, $2, $3, $4, $5, $6)`,
          [
            row.id,
            need(parseWhole(tier.peopleMin), tierName(l, t, 'pmin')),
            optWhole(tier.peopleMax, tierName(l, t, 'pmax')),
            need(parseWhole(tier.unitsMin), tierName(l, t, 'umin')),
            optWhole(tier.unitsMax, tierName(l, t, 'umax')),
            need(parseDecimal(tier.unitPrice), tierName(l, t, 'prezzo')),
          ],
        );
      }
    }
  }
  await q.query('select refresh_service_search($1)', [serviceId]);
}

// ---------------------------------------------------------------------------------------------------
// Diff

export type DiffValue =
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  /** Term ids of a taxonomy, or the service type; the view shows their names. */
  | { kind: 'terms'; ids: string[] }
  /** Ente sites (location ids). */
  | { kind: 'sites'; ids: string[] }
  /** Codes shown through message keys `${prefix}${code}`. */
  | { kind: 'codes'; prefix: 'cards.place.' | 'cards.offer.' | 'cards.mode.' | 'unit.'; codes: string[] }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'staff'; rows: StaffData[] }
  | { kind: 'packages'; rows: PackageData[] }
  | { kind: 'priceList'; list: PriceListData | null };

export interface DiffChange {
  /** The field ('name', 'priceLists.2' for the second price list …). */
  field: string;
  label: MessageKey;
  labelParams?: Record<string, string | number>;
  before: DiffValue;
  after: DiffValue;
}

export interface DiffSection {
  section: CardSection;
  label: MessageKey;
  changes: DiffChange[];
}

const TEXT_FIELDS = new Set<CardField>([
  'name', 'summaryIt', 'summaryEn', 'needAnalysis', 'proposedSolution', 'staffActivities', 'recipients', 'minPeople', 'maxPeople',
  'deliveryFrom', 'deliveryTo', 'deliveryOther', 'contactPhone', 'contactEmail', 'contactHours', 'responsibleName', 'responsibleRole',
  'waitAnalysisDays', 'waitActivationDays', 'vatRate',
]);
const TERM_FIELDS = new Set<CardField>(['targetGroups', 'tasks', 'timeBands', 'municipi', 'supportSchemes']);

const sortedSet = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort();
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function valueOf(data: CardData, field: CardField): DiffValue {
  if (TEXT_FIELDS.has(field)) return { kind: 'text', text: String(data[field]).trim() };
  if (TERM_FIELDS.has(field)) return { kind: 'terms', ids: sortedSet(data[field] as string[]) };
  switch (field) {
    case 'serviceTypeId':
      return { kind: 'terms', ids: data.serviceTypeId ? [data.serviceTypeId] : [] };
    case 'sites':
      return { kind: 'sites', ids: sortedSet(data.sites) };
    case 'metroMunicipalities':
      return { kind: 'lines', lines: sortedSet(data.metroMunicipalities) };
    case 'deliveryPlaces':
      return { kind: 'codes', prefix: 'cards.place.', codes: DELIVERY_PLACES.filter((p) => data.deliveryPlaces.includes(p)) };
    case 'mode':
      return { kind: 'codes', prefix: 'cards.mode.', codes: data.mode ? [data.mode] : [] };
    case 'offerType':
      return { kind: 'codes', prefix: 'cards.offer.', codes: data.offerType ? [data.offerType] : [] };
    case 'priceUnit':
      return { kind: 'codes', prefix: 'unit.', codes: data.priceUnit ? [data.priceUnit] : [] };
    case 'customQuote':
      return { kind: 'bool', value: data.customQuote };
    case 'staff':
      return { kind: 'staff', rows: data.staff };
    case 'packages':
      return { kind: 'packages', rows: data.packages };
    default:
      throw new Error(`No diff value for ${field}`);
  }
}

/** Whether a value says nothing (used to list only the filled fields of a new card). */
export function isEmptyValue(v: DiffValue): boolean {
  switch (v.kind) {
    case 'text':
      return v.text === '';
    case 'bool':
      return !v.value;
    case 'terms':
    case 'sites':
      return v.ids.length === 0;
    case 'codes':
      return v.codes.length === 0;
    case 'lines':
      return v.lines.length === 0;
    case 'staff':
    case 'packages':
      return v.rows.length === 0;
    case 'priceList':
      return v.list === null;
  }
}

/**
 * What changes from `before` (the published card, or null for a new card) to `after` (the revision): one
 * entry per changed field, grouped by section in form order. Each price list is a field of its own.
 */
export function diffCards(before: CardData | null, after: CardData): DiffSection[] {
  const base = before ?? emptyCard('');
  const changes: { section: CardSection; change: DiffChange }[] = [];
  for (const { field, section } of CARD_FIELDS) {
    if (field === 'priceLists') continue;
    const a = valueOf(base, field);
    const b = valueOf(after, field);
    if (before === null ? isEmptyValue(b) : sameJson(a, b)) continue;
    changes.push({ section, change: { field, label: `cards.field.${field}` as MessageKey, before: a, after: b } });
  }
  const lists = Math.max(base.priceLists.length, after.priceLists.length);
  for (let i = 0; i < lists; i++) {
    const a = base.priceLists[i] ?? null;
    const b = after.priceLists[i] ?? null;
    if (sameJson(a, b)) continue;
    changes.push({
      section: 'priceLists',
      change: { field: `priceLists.${i + 1}`, label: 'cards.field.priceList', labelParams: { n: i + 1 }, before: { kind: 'priceList', list: a }, after: { kind: 'priceList', list: b } },
    });
  }
  return CARD_SECTIONS.map((section) => ({
    section,
    label: `cards.section.${section}` as MessageKey,
    changes: changes.filter((c) => c.section === section).map((c) => c.change),
  })).filter((s) => s.changes.length > 0);
}
