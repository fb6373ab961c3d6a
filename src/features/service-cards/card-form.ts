import {
  canonicalDay,
  canonicalMoney,
  canonicalWhole,
  DELIVERY_PLACES,
  FORM_NAMES,
  listName,
  MODES,
  OFFER_TYPES,
  packageName,
  PRICE_UNITS,
  staffName,
  tierName,
  type CardData,
  type Mode,
  type OfferType,
  type PackageData,
  type PriceListData,
  type PriceUnit,
  type StaffData,
  type TierData,
} from './card-data';

// The edit form of a card, read back into CardData. Values are kept as typed (canonical when valid), so a draft
// saved with mistakes shows them again; choices are kept only when they are among the options offered (a
// term of the right taxonomy, a site of this ente), so a crafted request cannot link foreign data.
// Rows (staff, packages, price lists, tiers) that are left completely empty are dropped.

export interface TermOption {
  id: string;
  name_it: string;
  name_en: string;
}

export interface SiteOption {
  id: string;
  name: string;
  address: string;
}

/** What the form offers: terms by taxonomy and the ente's sites. */
export interface CardOptions {
  targetGroups: TermOption[];
  tasks: TermOption[];
  timeBands: TermOption[];
  municipi: TermOption[];
  supportSchemes: TermOption[];
  sites: SiteOption[];
}

export const MAX_ROWS = { staff: 50, packages: 30, lists: 12, tiers: 60 } as const;

type Body = Record<string, unknown>;

function values(body: Body, name: string): string[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string');
}
const one = (body: Body, name: string) => {
  const v = values(body, name);
  return v.length ? v[v.length - 1]! : '';
};
/** Text as typed: line breaks normalised, surrounding blanks removed. */
const text = (body: Body, name: string) => one(body, name).replace(/\r\n?/g, '\n').trim();
const has = (body: Body, name: string) => body[name] !== undefined;
const blank = (...xs: string[]) => xs.every((x) => x.trim() === '');

function pick<T extends string>(allowed: readonly T[], v: string): T | '' {
  return (allowed as readonly string[]).includes(v) ? (v as T) : '';
}
function chosen(body: Body, name: string, allowed: readonly { id: string }[]): string[] {
  const ok = new Set(allowed.map((o) => o.id));
  return [...new Set(values(body, name).filter((v) => ok.has(v)))];
}

/** Metropolitan municipalities: one per line (commas and semicolons also separate). */
export function splitNames(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[\n;,]+/)) {
    const v = part.trim().replace(/\s+/g, ' ');
    if (v && !out.some((x) => x.toLowerCase() === v.toLowerCase())) out.push(v);
  }
  return out;
}

export function parseCardForm(raw: unknown, base: CardData, options: CardOptions): CardData {
  const body = (raw ?? {}) as Body;
  const staff: StaffData[] = [];
  for (let i = 0; i < MAX_ROWS.staff; i++) {
    if (!has(body, staffName(i, 'tipo')) && !has(body, staffName(i, 'numero'))) continue;
    const row: StaffData = {
      kind: one(body, staffName(i, 'tipo')) === 'external' ? 'external' : 'internal',
      count: canonicalWhole(text(body, staffName(i, 'numero'))),
      qualifications: text(body, staffName(i, 'qualifiche')),
      yearsExperience: canonicalWhole(text(body, staffName(i, 'anni'))),
      references: pick(['yes', 'no'] as const, one(body, staffName(i, 'referenze'))),
      supplier: text(body, staffName(i, 'fornitore')),
    };
    if (blank(row.count, row.qualifications, row.yearsExperience, row.supplier, row.references)) continue;
    staff.push(row);
  }
  const packages: PackageData[] = [];
  for (let i = 0; i < MAX_ROWS.packages; i++) {
    if (!has(body, packageName(i, 'nome'))) continue;
    const row: PackageData = {
      name: text(body, packageName(i, 'nome')),
      description: text(body, packageName(i, 'descrizione')),
      units: canonicalWhole(text(body, packageName(i, 'unita'))),
      price: canonicalMoney(text(body, packageName(i, 'prezzo'))),
    };
    if (blank(row.name, row.description, row.units, row.price)) continue;
    packages.push(row);
  }
  const priceLists: PriceListData[] = [];
  for (let l = 0; l < MAX_ROWS.lists; l++) {
    if (!has(body, listName(l, 'dal'))) continue;
    const tiers: TierData[] = [];
    for (let t = 0; t < MAX_ROWS.tiers; t++) {
      if (!has(body, tierName(l, t, 'pmin'))) continue;
      const tier: TierData = {
        peopleMin: canonicalWhole(text(body, tierName(l, t, 'pmin'))),
        peopleMax: canonicalWhole(text(body, tierName(l, t, 'pmax'))),
        unitsMin: canonicalWhole(text(body, tierName(l, t, 'umin'))),
        unitsMax: canonicalWhole(text(body, tierName(l, t, 'umax'))),
        unitPrice: canonicalMoney(text(body, tierName(l, t, 'prezzo'))),
      };
      if (blank(tier.peopleMin, tier.peopleMax, tier.unitsMin, tier.unitsMax, tier.unitPrice)) continue;
      tiers.push(tier);
    }
    const list: PriceListData = {
      validFrom: canonicalDay(text(body, listName(l, 'dal'))),
      validTo: canonicalDay(text(body, listName(l, 'al'))),
      minUnits: canonicalWhole(text(body, listName(l, 'min-unita'))),
      notes: text(body, listName(l, 'note')),
      tiers,
    };
    if (blank(list.validFrom, list.validTo, list.minUnits, list.notes) && tiers.length === 0) continue;
    priceLists.push(list);
  }
  const n = FORM_NAMES;
  return {
    v: 1,
    serviceTypeId: base.serviceTypeId,
    name: text(body, n.name),
    summaryIt: text(body, n.summaryIt),
    summaryEn: text(body, n.summaryEn),
    needAnalysis: text(body, n.needAnalysis),
    proposedSolution: text(body, n.proposedSolution),
    staffActivities: text(body, n.staffActivities),
    recipients: text(body, n.recipients),
    targetGroups: chosen(body, n.targetGroups, options.targetGroups),
    mode: pick<Mode>(MODES, one(body, n.mode)),
    minPeople: canonicalWhole(text(body, n.minPeople)),
    maxPeople: canonicalWhole(text(body, n.maxPeople)),
    tasks: chosen(body, n.tasks, options.tasks),
    timeBands: chosen(body, n.timeBands, options.timeBands),
    deliveryFrom: canonicalDay(text(body, n.deliveryFrom)),
    deliveryTo: canonicalDay(text(body, n.deliveryTo)),
    municipi: chosen(body, n.municipi, options.municipi),
    metroMunicipalities: splitNames(one(body, n.metroMunicipalities)),
    deliveryPlaces: DELIVERY_PLACES.filter((p) => values(body, n.deliveryPlaces).includes(p)),
    deliveryOther: text(body, n.deliveryOther),
    sites: chosen(body, n.sites, options.sites),
    contactPhone: text(body, n.contactPhone),
    contactEmail: text(body, n.contactEmail),
    contactHours: text(body, n.contactHours),
    responsibleName: text(body, n.responsibleName),
    responsibleRole: text(body, n.responsibleRole),
    waitAnalysisDays: canonicalWhole(text(body, n.waitAnalysisDays)),
    waitActivationDays: canonicalWhole(text(body, n.waitActivationDays)),
    staff,
    offerType: pick<OfferType>(OFFER_TYPES, one(body, n.offerType)),
    priceUnit: pick<PriceUnit>(PRICE_UNITS, one(body, n.priceUnit)),
    vatRate: canonicalMoney(text(body, n.vatRate)),
    customQuote: one(body, n.customQuote) !== '',
    supportSchemes: chosen(body, n.supportSchemes, options.supportSchemes),
    packages,
    priceLists,
  };
}
