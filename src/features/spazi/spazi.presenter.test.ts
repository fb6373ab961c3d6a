import { describe, expect, it } from 'vitest';
import { addressLine, groupByMunicipio, neighbouringMunicipi, osmSearchUrl, osmUrl, type SpazioView } from './spazi.presenter';

describe('spazi presenter', () => {
  it('knows the neighbours of each Municipio (1 is the centre, 2–9 a ring)', () => {
    expect(neighbouringMunicipi(1)).toEqual([9, 2, 3, 4, 5, 6, 7, 8]);
    expect(neighbouringMunicipi(9)).toEqual([1, 2, 8]);
    expect(neighbouringMunicipi(2)).toEqual([1, 3, 9]);
    expect(neighbouringMunicipi(5)).toEqual([1, 4, 6]);
    expect(neighbouringMunicipi(8)).toEqual([1, 7, 9]);
    expect(neighbouringMunicipi(12)).toEqual([]);
    // Adjacency is symmetric.
    for (let a = 1; a <= 9; a++) for (const b of neighbouringMunicipi(a)) expect(neighbouringMunicipi(b)).toContain(a);
  });

  it('writes the address on one line, skipping empty parts', () => {
    expect(addressLine('Via Statuto 15', '20121', 'Milano')).toBe('Via Statuto 15, 20121 Milano');
    expect(addressLine('Via Statuto 15', '', 'Milano')).toBe('Via Statuto 15, Milano');
    expect(addressLine('', '', 'Milano')).toBe('Milano');
  });

  it('builds OpenStreetMap links', () => {
    expect(osmUrl({ lat: 45.4781, lng: 9.2269 })).toBe('https://www.openstreetmap.org/?mlat=45.478100&mlon=9.226900#map=17/45.478100/9.226900');
    expect(osmSearchUrl('Via Statuto 15, 20121 Milano')).toBe('https://www.openstreetmap.org/search?query=Via%20Statuto%2015%2C%2020121%20Milano');
  });

  it('groups consecutive Spazi by Municipio', () => {
    const s = (slug: string, municipio: number | null) => ({ slug, municipio }) as SpazioView;
    const groups = groupByMunicipio([s('a', 1), s('b', 1), s('c', 4), s('d', null)]);
    expect(groups.map((g) => [g.municipio, g.spazi.map((x) => x.slug)])).toEqual([
      [1, ['a', 'b']],
      [4, ['c']],
      [null, ['d']],
    ]);
  });
});
