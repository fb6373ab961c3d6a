import { describe, expect, it } from 'vitest';
import { pageOf } from './hsds.documents';
import { compact, emailOrUndefined, feesDescription, packagesOf, presentServiceFull, urlOrUndefined } from './hsds.presenter';
import type { PriceTierRow, ServiceRow } from './hsds.repository';

const row = (over: Partial<ServiceRow> = {}): ServiceRow => ({
  id: '3f2b9c1e-8a4d-4e6f-9b0a-1c2d3e4f5a6b',
  organization_id: '4f1c2a3b-0000-4000-8000-000000000001',
  service_type_id: '4f1c2a3b-0000-4000-8000-000000000002',
  slug: 'assistenza-notturna',
  name: 'Assistenza notturna',
  summary_it: 'Assistenza di notte a domicilio.',
  need_analysis: '',
  proposed_solution: '',
  staff_activities: '',
  recipients: '',
  contact_phone: null,
  contact_email: 'non è una mail',
  contact_hours: '',
  metro_municipalities: [],
  responsible_name: '',
  responsible_role: '',
  wait_analysis_days: null,
  wait_activation_days: null,
  delivery_places: [],
  delivery_other: '',
  offer_type: 'paid',
  price_unit: 'ora',
  vat_rate: 22,
  custom_quote: false,
  packages: [],
  mode: 'individual',
  min_people: 1,
  max_people: 1,
  delivery_from: null,
  delivery_to: null,
  price_from: 18.5,
  is_demo: false,
  last_modified: new Date('2025-03-01T08:00:00.123Z'),
  area_ids: null,
  target_names: null,
  time_band_names: null,
  ...over,
});

const tier = (over: Partial<PriceTierRow>): PriceTierRow => ({
  id: '4f1c2a3b-0000-4000-8000-000000000010',
  service_id: row().id,
  price_list_id: '4f1c2a3b-0000-4000-8000-000000000011',
  valid_from: '2025-01-01',
  valid_to: '2025-12-31',
  min_units: 1,
  notes: '',
  people_min: 1,
  people_max: null,
  units_min: 1,
  units_max: null,
  unit_price: 18.5,
  ...over,
});

describe('HSDS presenter', () => {
  it('omits null, empty strings and empty arrays', () => {
    expect(compact({ a: 1, b: null, c: undefined, d: '', e: '  ', f: [], g: [1], h: 0, i: false })).toEqual({ a: 1, g: [1], h: 0, i: false });
  });

  it('keeps only well-formed e-mail addresses and http(s) URLs', () => {
    expect(emailOrUndefined('info@coop.it')).toBe('info@coop.it');
    expect(emailOrUndefined('info at coop')).toBeUndefined();
    expect(urlOrUndefined('www.coop.it')).toBe('https://www.coop.it/');
    expect(urlOrUndefined('http://coop.it/x')).toBe('http://coop.it/x');
    expect(urlOrUndefined('javascript:alert(1)')).toBeUndefined();
    expect(urlOrUndefined('non un sito')).toBeUndefined();
  });

  it('describes fees from the offer type and the current price', () => {
    expect(feesDescription(row({ offer_type: 'free_public', price_from: null }))).toContain('Gratuito');
    const paid = feesDescription(row({ custom_quote: true, packages: [{ name: 'Dieci ore', units: 10, price: 170 }] }));
    expect(paid).toContain('18,50');
    expect(paid).toContain('per ora');
    expect(paid).toContain('22%');
    expect(paid).toContain('pacchetti');
    expect(paid).toContain('preventivo');
  });

  it('reads packages defensively', () => {
    expect(packagesOf({ packages: [{ name: 'A', price: '10' }, { name: '', price: 5 }, { price: 3 }, null, { name: 'B', price: -1 }] })).toEqual([
      { name: 'A', description: '', units: undefined, price: 10 },
    ]);
    expect(packagesOf({ packages: 'x' })).toEqual([]);
  });

  it('maps price tiers to cost options with numbers, EUR and validity, and drops invalid e-mails', () => {
    const s = presentServiceFull(
      row(),
      undefined,
      { termIds: [], terms: new Map(), tiers: [tier({}), tier({ id: '4f1c2a3b-0000-4000-8000-000000000012', people_min: 2, people_max: 4, unit_price: 15 })] },
      { baseUrl: 'https://wemi.example.it' },
    ) as Record<string, any>;
    expect(s.email).toBeUndefined();
    expect(s.url).toBe('https://wemi.example.it/servizi/assistenza-notturna');
    expect(s.last_modified).toBe('2025-03-01T08:00:00.123Z');
    expect(s.cost_options).toEqual([
      expect.objectContaining({ amount: 18.5, currency: 'EUR', valid_from: '2025-01-01', valid_to: '2025-12-31' }),
      expect.objectContaining({ amount: 15, currency: 'EUR', option: 'da 2 a 4 persone' }),
    ]);
    expect(s.cost_options[0].option).toBeUndefined();
    expect(s.phones).toBeUndefined();
    expect(s.service_areas).toBeUndefined();
  });

  it('computes the paging header', () => {
    expect(pageOf(101, { page: 3, perPage: 50 }, [{ id: 'x' }])).toMatchObject({ total_pages: 3, first_page: false, last_page: true, size: 1, empty: false });
    expect(pageOf(0, { page: 1, perPage: 50 }, [])).toMatchObject({ total_pages: 0, first_page: true, last_page: true, size: 0, empty: true });
    expect(pageOf(100, { page: 1, perPage: 50 }, [{}, {}])).toMatchObject({ total_pages: 2, last_page: false });
  });
});
