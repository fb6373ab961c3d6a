import { describe, expect, it } from 'vitest';
import { parseIsoDateTime, servicesQuery } from './hsds.query';

describe('modified_after parsing', () => {
  it('reads date-times with a zone', () => {
    expect(parseIsoDateTime('2025-03-01T08:00:00Z')?.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(parseIsoDateTime('2025-03-01T09:00:00+01:00')?.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(parseIsoDateTime('2025-03-01T09:00:00.250+0100')?.toISOString()).toBe('2025-03-01T08:00:00.250Z');
    expect(parseIsoDateTime('2025-03-01T08:00Z')?.toISOString()).toBe('2025-03-01T08:00:00.000Z');
  });

  it('reads a plain date as the start of that day in Milan (winter and summer time)', () => {
    expect(parseIsoDateTime('2025-01-15')?.toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(parseIsoDateTime('2025-07-15')?.toISOString()).toBe('2025-07-14T22:00:00.000Z');
  });

  it('rejects impossible or malformed values', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-01-01T24:00:00Z', '2025-01-01T10:61Z', 'yesterday', '1735689600', '2025-01-01T10:00:00+25:00']) {
      expect(parseIsoDateTime(bad), bad).toBeUndefined();
    }
  });
});

describe('services query', () => {
  it('accepts repeated and comma-separated ids and reads booleans', () => {
    const a = '3f2b9c1e-8a4d-4e6f-9b0a-1c2d3e4f5a6b';
    const b = '11111111-1111-1111-1111-111111111111';
    const r = servicesQuery.parse({ taxonomy_term_id: [a, b], organization_id: `${a},${b}`, minimal: 'true', page: '2' });
    expect(r.taxonomy_term_id).toEqual([a, b]);
    expect(r.organization_id).toEqual([a, b]);
    expect(r.minimal).toBe(true);
    expect(r.page).toBe(2);
    expect(r.taxonomy_id).toEqual([]);
  });

  it('rejects out-of-range paging, bad ids, bad dates and overlong searches', () => {
    for (const bad of [{ page: '0' }, { per_page: '101' }, { per_page: '1.5' }, { taxonomy_id: 'x' }, { modified_after: '2025-02-30' }, { search: 'a'.repeat(201) }]) {
      expect(servicesQuery.safeParse(bad).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
    expect(servicesQuery.safeParse({ search: 'a'.repeat(200), per_page: '100', page: '1' }).success).toBe(true);
  });
});
