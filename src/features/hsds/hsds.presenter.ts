import { formatEuro, formatNumber, translator } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { derivedId } from './hsds.ids';
import type {
  LocationRow,
  OrganizationRow,
  PriceTierRow,
  ServiceAtLocationRow,
  ServiceRow,
  TaxonomyRow,
  TermRow,
} from './hsds.repository';

// Maps WeMi rows to Open Referral HSDS 3.0 objects. Rules of the standard followed everywhere:
// ids are UUIDs (derived ones from hsds.ids.ts), `null` never appears (empty fields are omitted), numbers are
// numbers, dates 'YYYY-MM-DD', date-times ISO 8601 with milliseconds. The catalogue is in Italian, so the texts
// (and the few labels composed here) are Italian; taxonomy terms declare `language: "it"`.

export type Hsds = Record<string, unknown>;

const t = translator('it');

/** Drops undefined, null, empty strings and empty arrays: HSDS forbids null and asks to omit empty fields. */
export function compact<T extends Record<string, unknown>>(obj: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as Partial<T>;
}

// Same shape of address the `email` format of JSON Schema accepts (ajv-formats): no spaces, a dotted domain.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** A valid e-mail address or undefined (a malformed value must not make the document invalid). */
export function emailOrUndefined(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v && EMAIL.test(v) ? v : undefined;
}

/** An absolute http(s) URL or undefined; "www.example.it" becomes "https://www.example.it". */
export function urlOrUndefined(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v || /\s/.test(v)) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

const paragraphs = (...parts: (string | undefined | false)[]) =>
  parts
    .map((p) => (p ? p.trim() : ''))
    .filter(Boolean)
    .join('\n\n');

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Labels (data texts composed from structured fields; Italian like the catalogue)

const UNIT_PLURAL: Record<string, string> = {
  ora: 'ore',
  intervento: 'interventi',
  pasto: 'pasti',
  seduta: 'sedute',
  giorno: 'giorni',
  settimana: 'settimane',
  mese: 'mesi',
  lezione: 'lezioni',
  corso: 'corsi',
  pacchetto: 'pacchetti',
  km: 'km',
  pratica: 'pratiche',
};

const unitName = (unit: string) => {
  const key = `unit.${unit}` as Parameters<typeof t>[0];
  const name = t(key);
  return name === key ? unit : name;
};
const unitPlural = (unit: string, n: number) => (n === 1 ? unitName(unit) : (UNIT_PLURAL[unit] ?? unitName(unit)));

const DELIVERY_PLACES: Record<string, string> = {
  domicilio: 'a domicilio',
  sede_ente: "presso la sede dell'ente",
  accompagnamento: 'accompagnamento con trasporto',
  online: 'online',
  altro: 'altro',
};

const FREE_SOURCE: Record<string, string> = {
  free_public: 'Servizio gratuito finanziato con fondi pubblici',
  free_volunteer: 'Servizio gratuito offerto da volontari',
};

function range(min: number, max: number | null, one: string, many: string): string {
  if (max === min) return `${formatNumber('it', min)} ${min === 1 ? one : many}`;
  if (max === null) return `da ${formatNumber('it', min)} ${min === 1 ? one : many} in su`;
  return `da ${formatNumber('it', min)} a ${formatNumber('it', max)} ${many}`;
}

function modeText(row: ServiceRow): string {
  const people = row.max_people > row.min_people ? ` (da ${row.min_people} a ${row.max_people} persone)` : '';
  if (row.mode === 'individual') return 'Modalità: individuale.';
  if (row.mode === 'shared') return `Modalità: condivisa${people}.`;
  return `Modalità: individuale o condivisa${people}.`;
}

function deliveryText(row: ServiceRow): string | undefined {
  const places = row.delivery_places.map((p) => (p === 'altro' && row.delivery_other.trim() ? row.delivery_other.trim() : DELIVERY_PLACES[p] ?? p));
  return places.length ? `Luogo di erogazione: ${places.join(', ')}.` : undefined;
}

/** The card's texts: summary, analysis of the need, proposed solution, staff activities, place and mode. */
export function serviceDescription(row: ServiceRow): string {
  return paragraphs(
    row.summary_it,
    row.need_analysis.trim() && `Analisi del bisogno: ${row.need_analysis.trim()}`,
    row.proposed_solution.trim() && `Soluzione proposta: ${row.proposed_solution.trim()}`,
    row.staff_activities.trim() && `Attività del personale: ${row.staff_activities.trim()}`,
    deliveryText(row),
    modeText(row),
  );
}

export function feesDescription(row: ServiceRow): string {
  const free = FREE_SOURCE[row.offer_type];
  if (free) return `${t('common.free')}. ${free}.`;
  const parts: string[] = [];
  const vat = row.vat_rate > 0 ? ` (aliquota ${formatNumber('it', row.vat_rate)}%)` : '';
  if (row.price_from !== null) parts.push(`A partire da ${formatEuro('it', row.price_from)} per ${unitName(row.price_unit)}, IVA inclusa${vat}.`);
  else parts.push('A pagamento.');
  if (packagesOf(row).length) parts.push('Sono disponibili pacchetti.');
  if (row.custom_quote) parts.push('È possibile chiedere un preventivo personalizzato.');
  return parts.join(' ');
}

function applicationProcess(row: ServiceRow): string {
  const contact = [
    row.contact_phone?.trim() && `telefono ${row.contact_phone.trim()}`,
    row.contact_email?.trim() && `e-mail ${row.contact_email.trim()}`,
  ].filter(Boolean);
  const hours = row.contact_hours.trim() ? ` (${row.contact_hours.trim()})` : '';
  return [
    contact.length ? `Primo contatto: ${contact.join(', ')}${hours}.` : '',
    row.wait_analysis_days !== null ? `Tempo medio per l'analisi del bisogno: ${days(row.wait_analysis_days)}.` : '',
    row.wait_activation_days !== null ? `Tempo medio di attivazione dopo la conferma: ${days(row.wait_activation_days)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const days = (n: number) => (n === 1 ? '1 giorno' : `${formatNumber('it', n)} giorni`);

function eligibility(row: ServiceRow): string {
  return [row.recipients.trim() && sentence(row.recipients), row.target_names?.length ? `Destinatari: ${row.target_names.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
}

interface Package {
  name: string;
  description: string;
  units: number | undefined;
  price: number;
}

/** The card's packages (jsonb), keeping only well-formed ones. */
export function packagesOf(row: Pick<ServiceRow, 'packages'>): Package[] {
  const list = Array.isArray(row.packages) ? (row.packages as unknown[]) : [];
  const out: Package[] = [];
  for (const p of list) {
    if (!p || typeof p !== 'object') continue;
    const o = p as Record<string, unknown>;
    const price = Number(o.price);
    if (typeof o.name !== 'string' || !o.name.trim() || !Number.isFinite(price) || price < 0) continue;
    const units = Number(o.units);
    out.push({
      name: o.name.trim(),
      description: typeof o.description === 'string' ? o.description.trim() : '',
      units: Number.isFinite(units) && units > 0 ? units : undefined,
      price,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Taxonomies

export function presentTaxonomy(row: TaxonomyRow): Hsds {
  return compact({
    id: row.id,
    name: row.name_it,
    description: row.description_it.trim() || row.name_it,
    uri: urlOrUndefined(row.uri),
    version: row.version,
  });
}

function termUri(row: TermRow, baseUrl: string): string | undefined {
  if (row.taxonomy_code === 'section') return `${baseUrl}${paths.section(row.slug)}`;
  if (row.taxonomy_code === 'category') return `${baseUrl}${paths.category(row.slug)}`;
  return undefined;
}

export function presentTerm(row: TermRow, baseUrl: string): Hsds {
  return compact({
    id: row.id,
    code: row.code,
    name: row.name_it,
    description: row.description_it.trim() || row.name_it,
    parent_id: row.parent_id ?? undefined,
    taxonomy: urlOrUndefined(row.taxonomy_uri) ?? row.taxonomy_name,
    taxonomy_detail: presentTaxonomy({
      id: row.taxonomy_id,
      code: row.taxonomy_code,
      name_it: row.taxonomy_name,
      description_it: row.taxonomy_description,
      uri: row.taxonomy_uri,
      version: row.taxonomy_version,
    }),
    language: 'it',
    taxonomy_id: row.taxonomy_id,
    term_uri: termUri(row, baseUrl),
  });
}

/** Order of the taxonomies in a service's `attributes`: from the broadest classification to the details. */
const TAXONOMY_ORDER = ['section', 'category', 'service_type', 'target_group', 'task', 'time_band', 'support_scheme', 'municipio'];

/**
 * Links of an entity to taxonomy terms. `link_type` is the WeMi taxonomy code (section, category, service_type,
 * target_group, task, time_band, support_scheme, municipio): it says what the term describes.
 */
export function presentAttributes(linkEntity: string, linkId: string, terms: TermRow[], baseUrl: string): Hsds[] {
  const rank = (r: TermRow) => {
    const i = TAXONOMY_ORDER.indexOf(r.taxonomy_code);
    return i < 0 ? TAXONOMY_ORDER.length : i;
  };
  return [...terms]
    .sort((a, b) => rank(a) - rank(b) || a.taxonomy_code.localeCompare(b.taxonomy_code) || a.position - b.position || a.name_it.localeCompare(b.name_it, 'it'))
    .map((term) => ({
      id: derivedId('attribute', linkEntity, linkId, term.id),
      link_id: linkId,
      taxonomy_term_id: term.id,
      link_type: term.taxonomy_code,
      link_entity: linkEntity,
      taxonomy_term: presentTerm(term, baseUrl),
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Organizations and locations

export function presentOrganizationBasic(row: OrganizationRow): Hsds {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description_it.trim() || row.legal_form.trim() || row.name,
    email: emailOrUndefined(row.email),
    website: urlOrUndefined(row.website),
    legal_status: row.legal_form,
  });
}

export function presentOrganizationFull(
  row: OrganizationRow,
  extras: { locations: Hsds[]; services?: Hsds[] | undefined },
): Hsds {
  const identifiers = [
    row.tax_code?.trim() && { kind: 'cf', type: 'Codice fiscale', value: row.tax_code.trim() },
    row.vat_number?.trim() && { kind: 'piva', type: 'Partita IVA', value: row.vat_number.trim() },
  ].filter((x): x is { kind: string; type: string; value: string } => Boolean(x));
  return compact({
    ...presentOrganizationBasic(row),
    phones: row.phone?.trim()
      ? [{ id: derivedId('phone', 'organization', row.id), organization_id: row.id, number: row.phone.trim(), type: 'voice' }]
      : [],
    locations: extras.locations,
    organization_identifiers: identifiers.map((i) => ({
      id: derivedId('identifier', row.id, i.kind),
      organization_id: row.id,
      identifier_type: i.type,
      identifier: i.value,
    })),
    services: extras.services,
  });
}

/** A place: physical, with its Italian address (Milan, Lombardy). */
export function presentLocationBasic(row: LocationRow): Hsds {
  const description = paragraphs(row.description_it, row.managed_by.trim() && `Gestito da: ${row.managed_by.trim()}.`);
  return compact({
    id: row.id,
    location_type: 'physical',
    organization_id: row.organization_public && row.organization_id ? row.organization_id : undefined,
    name: row.name,
    description,
    latitude: row.latitude ?? undefined,
    longitude: row.longitude ?? undefined,
  });
}

export function presentLocationFull(row: LocationRow, terms: Map<string, TermRow>, baseUrl: string): Hsds {
  const municipio = row.municipio_id ? terms.get(row.municipio_id) : undefined;
  const address =
    row.address.trim() && row.postal_code.trim()
      ? {
          id: derivedId('address', row.id),
          location_id: row.id,
          address_1: row.address.trim(),
          city: row.city.trim() || 'Milano',
          region: 'Lombardia',
          state_province: 'MI',
          postal_code: row.postal_code.trim(),
          country: 'IT',
          address_type: 'physical',
        }
      : undefined;
  const email = emailOrUndefined(row.email);
  return compact({
    ...presentLocationBasic(row),
    addresses: address ? [address] : [],
    contacts: email ? [{ id: derivedId('contact', 'location', row.id), location_id: row.id, email }] : [],
    phones: row.phone?.trim() ? [{ id: derivedId('phone', 'location', row.id), location_id: row.id, number: row.phone.trim(), type: 'voice' }] : [],
    schedules: row.hours_it.trim() ? [{ id: derivedId('schedule', 'location', row.id), location_id: row.id, description: row.hours_it.trim() }] : [],
    attributes: municipio ? presentAttributes('location', row.id, [municipio], baseUrl) : [],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Services

export interface ServiceContext {
  baseUrl: string;
}

export function presentServiceBasic(row: ServiceRow, organization: OrganizationRow | undefined, ctx: ServiceContext): Hsds {
  return compact({
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: serviceDescription(row),
    url: `${ctx.baseUrl}${paths.service(row.slug)}`,
    email: emailOrUndefined(row.contact_email),
    status: 'active',
    application_process: applicationProcess(row),
    fees_description: feesDescription(row),
    eligibility_description: eligibility(row),
    alert: row.is_demo ? t('common.demoLong') : undefined,
    last_modified: iso(row.last_modified),
    organization: organization ? presentOrganizationBasic(organization) : undefined,
  });
}

/** The minimal form (`minimal=true`): the required fields and the date of the last change. */
export function presentServiceMinimal(row: ServiceRow): Hsds {
  return { id: row.id, name: row.name, status: 'active', last_modified: iso(row.last_modified) };
}

function costOptions(row: ServiceRow, tiers: PriceTierRow[]): Hsds[] {
  const free = FREE_SOURCE[row.offer_type];
  if (free) {
    return [{ id: derivedId('cost', row.id, 'free'), service_id: row.id, option: t('common.free'), currency: 'EUR', amount: 0, amount_description: free }];
  }
  const vat = row.vat_rate > 0 ? ` (aliquota ${formatNumber('it', row.vat_rate)}%)` : '';
  const out: Hsds[] = tiers.map((tier) => {
    // Conditions of the tier: number of people and of units, when limited.
    const conditions = [
      tier.people_min === 1 && tier.people_max === null ? '' : range(tier.people_min, tier.people_max, 'persona', 'persone'),
      tier.units_min === 1 && tier.units_max === null
        ? ''
        : range(tier.units_min, tier.units_max, unitName(row.price_unit), UNIT_PLURAL[row.price_unit] ?? unitName(row.price_unit)),
    ].filter(Boolean);
    const option = conditions.length ? conditions.join(', ') : undefined;
    const minimum = tier.min_units > 1 ? ` Minimo ${tier.min_units} ${unitPlural(row.price_unit, tier.min_units)}.` : '';
    const notes = tier.notes.trim() ? ` ${sentence(tier.notes)}` : '';
    return compact({
      id: tier.id,
      service_id: row.id,
      valid_from: tier.valid_from,
      valid_to: tier.valid_to ?? undefined,
      option,
      currency: 'EUR',
      amount: tier.unit_price,
      amount_description: `Prezzo per ${unitName(row.price_unit)}, IVA inclusa${vat}.${minimum}${notes}`,
    });
  });
  packagesOf(row).forEach((p, i) => {
    const units = p.units !== undefined ? `${formatNumber('it', p.units)} ${unitPlural(row.price_unit, p.units)}, ` : '';
    out.push(
      compact({
        id: derivedId('cost', row.id, 'package', i),
        service_id: row.id,
        option: `Pacchetto: ${p.name}`,
        currency: 'EUR',
        amount: p.price,
        amount_description: `${units}IVA inclusa.${p.description ? ` ${sentence(p.description)}` : ''}`,
      }),
    );
  });
  return out;
}

export interface ServiceExtras {
  termIds: string[];
  terms: Map<string, TermRow>;
  tiers: PriceTierRow[];
  serviceAtLocations?: Hsds[] | undefined;
}

/** The fully nested service of `GET /services/{id}`. */
export function presentServiceFull(
  row: ServiceRow,
  organization: OrganizationRow | undefined,
  extras: ServiceExtras,
  ctx: ServiceContext,
): Hsds {
  const areas = (row.area_ids ?? []).map((id) => extras.terms.get(id)).filter((x): x is TermRow => Boolean(x));
  const metro = row.metro_municipalities.map((m) => m.trim()).filter(Boolean);
  const timeBands = row.time_band_names ?? [];
  const hasSchedule = row.delivery_from || row.delivery_to || timeBands.length;
  return compact({
    ...presentServiceBasic(row, organization, ctx),
    phones: row.contact_phone?.trim()
      ? [
          compact({
            id: derivedId('phone', 'service', row.id),
            service_id: row.id,
            number: row.contact_phone.trim(),
            type: 'voice',
            description: row.contact_hours.trim() ? `Orari del primo contatto: ${row.contact_hours.trim()}` : undefined,
          }),
        ]
      : [],
    schedules: hasSchedule
      ? [
          compact({
            id: derivedId('schedule', 'service', row.id),
            service_id: row.id,
            valid_from: row.delivery_from ?? undefined,
            valid_to: row.delivery_to ?? undefined,
            description: timeBands.length ? `Fasce orarie: ${timeBands.join(', ')}.` : 'Periodo di erogazione del servizio.',
          }),
        ]
      : [],
    service_areas: [
      ...areas.map((a) =>
        compact({
          id: derivedId('area', row.id, a.id),
          service_id: row.id,
          name: a.name_it,
          description: `${a.name_it} del Comune di Milano`,
        }),
      ),
      ...metro.map((m) => ({
        id: derivedId('area', row.id, 'metro', m.toLowerCase()),
        service_id: row.id,
        name: m,
        description: `Comune della Città metropolitana di Milano`,
      })),
    ],
    service_at_locations: extras.serviceAtLocations,
    languages: [{ id: derivedId('language', row.id, 'it'), service_id: row.id, name: 'Italiano', code: 'it' }],
    funding: FREE_SOURCE[row.offer_type] ? [{ id: derivedId('funding', row.id), service_id: row.id, source: FREE_SOURCE[row.offer_type] }] : [],
    cost_options: costOptions(row, extras.tiers),
    contacts: row.responsible_name.trim()
      ? [
          compact({
            id: derivedId('contact', 'service', row.id),
            service_id: row.id,
            name: row.responsible_name.trim(),
            title: row.responsible_role.trim() || 'Responsabile del servizio',
          }),
        ]
      : [],
    attributes: presentAttributes(
      'service',
      row.id,
      extras.termIds.map((id) => extras.terms.get(id)).filter((x): x is TermRow => Boolean(x)),
      ctx.baseUrl,
    ),
  });
}

export function presentServiceAtLocationBasic(row: ServiceAtLocationRow, location: Hsds | undefined, service: Hsds | undefined): Hsds {
  return compact({ id: row.id, service_id: row.service_id, location_id: row.location_id, location, service });
}
