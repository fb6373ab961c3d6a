import { describe, expect, it } from 'vitest';
import { emptyCard, type CardData, type TierData } from './card-data';
import { completeCard } from './card-data.fixtures';
import { previewIssues, translateIssues, validateCard } from './card-validation';
import { translator } from '../../i18n/i18n';

const TODAY = '2026-06-15';
const check = (d: CardData, complete = true) => validateCard(d, { today: TODAY, complete });
const fields = (d: CardData, complete = true) => check(d, complete).map((i) => `${i.field}:${i.key}`);
const tier = (peopleMin: string, peopleMax: string, unitsMin: string, unitsMax: string, unitPrice: string): TierData => ({ peopleMin, peopleMax, unitsMin, unitsMax, unitPrice });
const withTiers = (...tiers: TierData[]) => completeCard({ priceLists: [{ validFrom: '2026-01-01', validTo: '', minUnits: '', notes: '', tiers }] });

describe('validateCard', () => {
  it('accepts a complete card', () => {
    expect(check(completeCard())).toEqual([]);
  });

  it('asks a draft only for a name; a submission for everything a published card needs', () => {
    const blank = emptyCard('t', 'Nome');
    expect(fields(blank, false)).toEqual([]);
    expect(fields(blank)).toEqual([
      'sintesi-it:cards.error.required',
      'analisi-bisogno:cards.error.required',
      'soluzione:cards.error.required',
      'responsabile:cards.error.required',
      'gruppi:cards.error.chooseOne',
      'modalita:cards.error.choose',
      'municipi:cards.error.area',
      'luoghi:cards.error.chooseOne',
      'telefono:cards.error.contact',
      'personale-1-numero:cards.error.staffRequired',
      'offerta:cards.error.choose',
    ]);
    expect(fields(emptyCard('t', ''), false)).toEqual(['nome:cards.error.required']);
  });

  it('checks people, dates, contacts and lengths', () => {
    expect(fields(completeCard({ minPeople: '3', maxPeople: '2' }))).toEqual(['persone-max:cards.error.peopleRange']);
    expect(fields(completeCard({ mode: 'individual', maxPeople: '2' }))).toEqual(['persone-max:cards.error.individual']);
    expect(fields(completeCard({ minPeople: 'due' }))).toEqual(['persone-min:cards.error.whole']);
    expect(fields(completeCard({ minPeople: '0' }))).toEqual(['persone-min:validation.outOfRange']);
    expect(fields(completeCard({ deliveryFrom: '2026-05-01', deliveryTo: '2026-04-01' }))).toEqual(['periodo-al:cards.error.dateOrder']);
    expect(fields(completeCard({ deliveryFrom: '31/02/2026' }))).toEqual(['periodo-dal:cards.error.date']);
    expect(fields(completeCard({ contactPhone: 'chiamaci' }))).toEqual(['telefono:cards.error.phone']);
    expect(fields(completeCard({ contactPhone: '', contactEmail: 'info@ente.it' }))).toEqual([]);
    expect(fields(completeCard({ contactEmail: 'no' }))).toEqual(['email:cards.error.email']);
    expect(fields(completeCard({ name: 'x'.repeat(151) }))).toEqual(['nome:validation.tooLong']);
    expect(fields(completeCard({ waitAnalysisDays: '400' }))).toEqual(['attesa-analisi:validation.outOfRange']);
    expect(fields(completeCard({ deliveryPlaces: ['altro'] }))).toEqual(['luogo-altro:cards.error.otherPlace']);
    expect(fields(completeCard({ municipi: [], metroMunicipalities: ['Monza'] }))).toEqual([]);
  });

  it('checks staff and packages', () => {
    const ext = { kind: 'external' as const, count: '2', qualifications: '', yearsExperience: '', references: '' as const, supplier: '' };
    expect(fields(completeCard({ staff: [ext] }))).toEqual(['personale-1-fornitore:cards.error.supplier']);
    expect(fields(completeCard({ staff: [{ ...ext, supplier: 'Studio', count: '' }] }))).toEqual(['personale-1-numero:cards.error.staffCount']);
    expect(fields(completeCard({ staff: [{ ...ext, supplier: 'Studio', count: '' }] }), false)).toEqual([]);
    expect(fields(completeCard({ packages: [{ name: '', description: '', units: '5', price: '-1' }] }))).toEqual([
      'pacchetto-1-nome:cards.error.packageName',
      'pacchetto-1-prezzo:cards.error.negative',
    ]);
  });

  it('checks the price: VAT, unit and at least one price list for a paid service', () => {
    expect(fields(completeCard({ vatRate: '120' }))).toEqual(['iva:cards.error.vat']);
    expect(fields(completeCard({ vatRate: '' }))).toEqual(['iva:cards.error.required']);
    expect(fields(completeCard({ priceUnit: '' }))).toEqual(['unita:cards.error.choose']);
    expect(fields(completeCard({ priceLists: [] }))).toEqual(['listino-1-dal:cards.error.listRequired']);
    expect(fields(completeCard({ offerType: 'free_public', priceLists: [], vatRate: '' }))).toEqual([]);
    const expired = completeCard({ priceLists: [{ ...completeCard().priceLists[0]!, validTo: '2026-06-14' }] });
    expect(fields(expired)).toEqual(['listino-1-al:cards.error.listExpired']);
    expect(fields(expired, false)).toEqual([]);
  });

  describe('price lists', () => {
    it('accepts ordered tiers that do not overlap, with open ends', () => {
      expect(check(withTiers(tier('1', '1', '1', '9', '20'), tier('1', '1', '10', '', '18'), tier('2', '', '1', '', '15')))).toEqual([]);
    });

    it('refuses a negative or missing price and values that are not numbers', () => {
      expect(fields(withTiers(tier('1', '', '1', '', '-5')))).toEqual(['listino-1-fascia-1-prezzo:cards.error.negative']);
      expect(fields(withTiers(tier('1', '', '1', '', '')))).toEqual(['listino-1-fascia-1-prezzo:cards.error.tierPrice']);
      expect(fields(withTiers(tier('uno', '', '', '', '10,999')))).toEqual([
        'listino-1-fascia-1-pmin:cards.error.whole',
        'listino-1-fascia-1-umin:cards.error.required',
        'listino-1-fascia-1-prezzo:cards.error.money',
      ]);
      expect(check(withTiers(tier('1', '', '1', '', '0')))).toEqual([]);
    });

    it('refuses a tier whose maximum is below its minimum', () => {
      expect(fields(withTiers(tier('3', '2', '1', '', '10')))).toEqual(['listino-1-fascia-1-pmax:cards.error.tierPeople']);
      expect(fields(withTiers(tier('1', '', '5', '4', '10')))).toEqual(['listino-1-fascia-1-umax:cards.error.tierUnits']);
    });

    it('refuses tiers out of order', () => {
      expect(fields(withTiers(tier('2', '3', '1', '', '15'), tier('1', '1', '1', '', '20')))).toEqual(['listino-1-fascia-2-pmin:cards.error.tierOrder']);
      expect(fields(withTiers(tier('1', '1', '10', '', '18'), tier('1', '1', '1', '9', '20')))).toEqual(['listino-1-fascia-2-pmin:cards.error.tierOrder']);
    });

    it('refuses overlapping tiers, naming the other one', () => {
      const issues = check(withTiers(tier('1', '2', '1', '10', '20'), tier('2', '3', '5', '', '18')));
      expect(issues.map((i) => `${i.field}:${i.key}`)).toEqual(['listino-1-fascia-2-pmin:cards.error.tierOverlap']);
      expect(issues[0]!.params).toEqual({ other: 1 });
      expect(issues[0]!.where).toEqual({ key: 'cards.where.tier', params: { list: 1, n: 2 } });
      // Same people, units ranges touching but not overlapping: fine. Open "up to" overlaps everything above.
      expect(check(withTiers(tier('1', '2', '1', '10', '20'), tier('1', '2', '11', '', '18')))).toEqual([]);
      expect(fields(withTiers(tier('1', '', '1', '', '20'), tier('5', '', '1', '', '18')))).toEqual(['listino-1-fascia-2-pmin:cards.error.tierOverlap']);
    });

    it('checks the validity window and overlapping lists', () => {
      const base = completeCard().priceLists[0]!;
      expect(fields(completeCard({ priceLists: [{ ...base, validFrom: '2026-05-01', validTo: '2026-04-30' }] }), false)).toEqual(['listino-1-al:cards.error.listTo']);
      expect(fields(completeCard({ priceLists: [{ ...base, validFrom: '' }] }), false)).toEqual(['listino-1-dal:cards.error.listFrom']);
      expect(fields(completeCard({ priceLists: [{ ...base, tiers: [] }] }), false)).toEqual(['listino-1-fascia-1-pmin:cards.error.listNoTiers']);
      expect(fields(completeCard({ priceLists: [{ ...base, minUnits: '0' }] }))).toEqual(['listino-1-min-unita:validation.outOfRange']);
      const a = { ...base, validFrom: '2025-01-01', validTo: '2025-12-31' };
      const b = { ...base, validFrom: '2026-01-01', validTo: '' };
      expect(check(completeCard({ priceLists: [a, b] }))).toEqual([]);
      expect(fields(completeCard({ priceLists: [a, { ...b, validFrom: '2025-12-31' }] }))).toEqual(['listino-2-dal:cards.error.listOverlap']);
      expect(fields(completeCard({ priceLists: [b, { ...a, validFrom: '2027-01-01', validTo: '2027-02-01' }] }))).toEqual(['listino-2-dal:cards.error.listOverlap']);
    });
  });

  it('says where the problem is, in both languages', () => {
    const issues = check(withTiers(tier('1', '', '1', '', '-5')));
    expect(translateIssues(issues, translator('it'))).toEqual([{ field: 'listino-1-fascia-1-prezzo', message: 'Listino 1, fascia 1: il valore non può essere negativo' }]);
    expect(translateIssues(issues, translator('en'))[0]!.message).toBe('Price list 1, tier 1: the value cannot be negative');
  });

  it('needs the choices every card row needs before a preview', () => {
    expect(previewIssues(emptyCard('t', 'Nome'), TODAY).map((i) => i.field)).toEqual(['offerta', 'modalita']);
    expect(previewIssues(completeCard(), TODAY)).toEqual([]);
  });
});
