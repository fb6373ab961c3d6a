import { describe, expect, it } from 'vitest';
import { catalogue } from '../../i18n/catalogue';
import {
  CARD_FIELDS,
  CARD_SECTIONS,
  DELIVERY_PLACES,
  diffCards,
  emptyCard,
  MODES,
  OFFER_TYPES,
  parseDay,
  parseDecimal,
  readCardData,
} from './card-data';
import { parseCardForm, splitNames, type CardOptions } from './card-form';
import { REVISION_EVENTS, REVISION_STATES } from './card.state';
import { completeCard, M1, T1 } from './card-data.fixtures';

const T2 = '22222222-2222-4222-8222-222222222222';
const TYPE = '44444444-4444-4444-8444-444444444444';
const SITE = '55555555-5555-4555-8555-555555555555';

describe('diffCards', () => {
  it('finds nothing between a card and itself', () => {
    expect(diffCards(completeCard(), completeCard())).toEqual([]);
  });

  it('lists exactly the changed fields, grouped by section in form order', () => {
    const before = completeCard();
    const after = completeCard({
      name: 'Assistenza serale e notturna',
      maxPeople: '4',
      targetGroups: [T1, T2],
      priceLists: [{ ...before.priceLists[0]!, tiers: before.priceLists[0]!.tiers.map((t, i) => (i === 1 ? { ...t, unitPrice: '17' } : t)) }],
    });
    const diff = diffCards(before, after);
    expect(diff.map((s) => [s.section, s.changes.map((c) => c.field)])).toEqual([
      ['general', ['name']],
      ['recipients', ['targetGroups', 'maxPeople']],
      ['priceLists', ['priceLists.1']],
    ]);
    const name = diff[0]!.changes[0]!;
    expect(name).toMatchObject({ label: 'cards.field.name', before: { kind: 'text', text: 'Assistenza serale' }, after: { kind: 'text', text: 'Assistenza serale e notturna' } });
    expect(diff[1]!.changes[0]).toMatchObject({ before: { kind: 'terms', ids: [T1] }, after: { kind: 'terms', ids: [T1, T2].sort() } });
    expect(diff[2]!.changes[0]).toMatchObject({ label: 'cards.field.priceList', labelParams: { n: 1 } });
    expect(diff[2]!.label).toBe('cards.section.priceLists');
  });

  it('ignores the order of chosen terms and surrounding blanks', () => {
    const a = completeCard({ targetGroups: [T1, T2], name: 'Nome' });
    const b = completeCard({ targetGroups: [T2, T1], name: '  Nome ' });
    expect(diffCards(a, b)).toEqual([]);
  });

  it('reports an added and a removed price list as fields of their own', () => {
    const a = completeCard();
    const extra = { validFrom: '2027-01-01', validTo: '', minUnits: '1', notes: '', tiers: [{ peopleMin: '1', peopleMax: '', unitsMin: '1', unitsMax: '', unitPrice: '22' }] };
    const b = completeCard({ priceLists: [{ ...a.priceLists[0]!, validTo: '2026-12-31' }, extra] });
    const diff = diffCards(a, b);
    expect(diff.flatMap((s) => s.changes.map((c) => c.field))).toEqual(['priceLists.1', 'priceLists.2']);
    expect(diff[0]!.changes[1]).toMatchObject({ before: { kind: 'priceList', list: null }, after: { kind: 'priceList', list: extra } });
    expect(diffCards(b, a)[0]!.changes[1]).toMatchObject({ after: { kind: 'priceList', list: null } });
  });

  it('lists the filled fields of a new card (no published version)', () => {
    const diff = diffCards(null, completeCard());
    const fields = diff.flatMap((s) => s.changes.map((c) => c.field));
    expect(fields).toContain('serviceTypeId');
    expect(fields).toContain('name');
    expect(fields).toContain('priceLists.1');
    expect(fields).not.toContain('summaryEn');
    expect(fields).not.toContain('customQuote');
    expect(fields).not.toContain('packages');
  });

  it('covers every field of the card, each in a known section', () => {
    const keys = Object.keys(emptyCard(TYPE)).filter((k) => k !== 'v');
    expect(CARD_FIELDS.map((f) => f.field).sort()).toEqual(keys.sort());
    for (const f of CARD_FIELDS) expect(CARD_SECTIONS).toContain(f.section);
  });
});

describe('stored card data', () => {
  it('reads back what was stored, and reads damaged or old data as empty values', () => {
    const card = completeCard();
    expect(readCardData(JSON.parse(JSON.stringify(card)))).toEqual(card);
    expect(readCardData(JSON.stringify(card))).toEqual(card);
    const damaged = readCardData({ name: 42, mode: 'group', deliveryPlaces: ['domicilio', 'luna'], staff: 'x', priceLists: [{ tiers: [{}] }] });
    expect(damaged.name).toBe('');
    expect(damaged.mode).toBe('');
    expect(damaged.deliveryPlaces).toEqual([]);
    expect(damaged.staff).toEqual([]);
    expect(damaged.priceLists[0]!.tiers[0]).toEqual({ peopleMin: '', peopleMax: '', unitsMin: '', unitsMax: '', unitPrice: '' });
  });

  it('parses amounts and dates as people type them', () => {
    expect(parseDecimal('18,5')).toBe(18.5);
    expect(parseDecimal('18.50')).toBe(18.5);
    expect(parseDecimal('-3')).toBeUndefined();
    expect(parseDecimal('1.234,50')).toBeUndefined();
    expect(parseDay('31/12/2026')).toBe('2026-12-31');
    expect(parseDay('2026-02-30')).toBeUndefined();
  });
});

describe('the edit form', () => {
  const options: CardOptions = {
    targetGroups: [{ id: T1, name_it: 'Anziani', name_en: 'Older people' }],
    tasks: [],
    timeBands: [],
    municipi: [{ id: M1, name_it: 'Municipio 1', name_en: 'Municipio 1' }],
    supportSchemes: [],
    sites: [{ id: SITE, name: 'Sede', address: 'Via Roma 1' }],
  };

  it('keeps only the options offered, canonical numbers, and drops empty rows', () => {
    const body = {
      nome: ' Servizio ',
      gruppi: [T1, T2],
      sedi: [SITE, T2],
      municipi: M1,
      modalita: 'both',
      offerta: 'gratis',
      'persone-min': '01',
      iva: '22,0',
      'comuni-metro': 'Sesto San Giovanni\r\nMonza, sesto san giovanni; Rho',
      'personale-1-tipo': 'external',
      'personale-1-numero': '3',
      'personale-2-tipo': 'internal',
      'personale-2-numero': '',
      'listino-1-dal': '01/03/2026',
      'listino-1-fascia-1-pmin': '1',
      'listino-1-fascia-1-prezzo': '12,5',
      'listino-1-fascia-2-pmin': '',
      'listino-1-fascia-2-prezzo': '',
      'listino-2-dal': '',
      'listino-2-fascia-1-pmin': '',
      'listino-1-fascia-3-pmin': 'abc',
    };
    const d = parseCardForm(body, emptyCard(TYPE), options);
    expect(d.serviceTypeId).toBe(TYPE);
    expect(d.name).toBe('Servizio');
    expect(d.targetGroups).toEqual([T1]);
    expect(d.sites).toEqual([SITE]);
    expect(d.municipi).toEqual([M1]);
    expect(d.mode).toBe('both');
    expect(d.offerType).toBe('');
    expect(d.minPeople).toBe('1');
    expect(d.vatRate).toBe('22');
    expect(d.metroMunicipalities).toEqual(['Sesto San Giovanni', 'Monza', 'Rho']);
    expect(d.staff).toEqual([{ kind: 'external', count: '3', qualifications: '', yearsExperience: '', references: '', supplier: '' }]);
    expect(d.priceLists).toHaveLength(1);
    expect(d.priceLists[0]!.validFrom).toBe('2026-03-01');
    expect(d.priceLists[0]!.tiers).toEqual([
      { peopleMin: '1', peopleMax: '', unitsMin: '', unitsMax: '', unitPrice: '12.50' },
      { peopleMin: 'abc', peopleMax: '', unitsMin: '', unitsMax: '', unitPrice: '' },
    ]);
  });

  it('splits metropolitan municipalities on lines, commas and semicolons, without duplicates', () => {
    expect(splitNames(' A ;b,\n\na ,  C  d ')).toEqual(['A', 'b', 'C d']);
  });
});

describe('messages', () => {
  it('has a message for every state, event, section, field and choice the pages name dynamically', () => {
    const keys = [
      ...REVISION_STATES.map((s) => `cards.revisionStatus.${s}`),
      ...['draft', 'submitted', 'changes_requested', 'published', 'suspended', 'archived', 'expired'].map((s) => `cards.serviceStatus.${s}`),
      ...REVISION_EVENTS.map((e) => `cards.event.${e}`),
      ...CARD_SECTIONS.map((s) => `cards.section.${s}`),
      ...CARD_FIELDS.map((f) => `cards.field.${f.field}`),
      ...DELIVERY_PLACES.map((p) => `cards.place.${p}`),
      ...OFFER_TYPES.map((o) => `cards.offer.${o}`),
      ...MODES.map((m) => `cards.mode.${m}`),
      ...['creata', 'avviata', 'gia-aperta', 'salvata', 'inviata', 'ritirata', 'approvata', 'rinviata'].map((n) => `cards.notice.${n}`),
      'cards.submit.title', 'cards.submit.lead', 'cards.submit.confirm', 'cards.withdraw.title', 'cards.withdraw.lead', 'cards.withdraw.confirm',
    ];
    for (const locale of ['it', 'en'] as const) {
      const missing = keys.filter((k) => !(k in catalogue[locale]));
      expect(missing, locale).toEqual([]);
    }
  });
});
