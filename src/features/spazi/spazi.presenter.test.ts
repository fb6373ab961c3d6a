import { describe, expect, it } from 'vitest';
import { addressLine, groupByMunicipio, hoursWeek, milanWeekday, neighbouringMunicipi, osmSearchUrl, osmUrl, type SpazioView } from './spazi.presenter';
import { parseTime } from './city/spazi-city.service';

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

  it('knows the weekday in Milan, across midnight UTC', () => {
    // Sunday 23:30 UTC in winter is Monday 00:30 in Milan; Monday 22:59 UTC in summer is Tuesday 00:59.
    expect(milanWeekday(new Date('2026-12-06T23:30:00Z'))).toBe(1);
    expect(milanWeekday(new Date('2026-06-08T22:59:00Z'))).toBe(2);
    expect(milanWeekday(new Date('2026-12-06T12:00:00Z'))).toBe(7);
  });

  it('lays the opening hours out Monday to Sunday, today marked', () => {
    const week = hoursWeek(
      [
        { weekday: 1, opens: '09:00', closes: '13:00' },
        { weekday: 1, opens: '14:00', closes: '18:00' },
        { weekday: 3, opens: '10:00', closes: '12:00' },
      ],
      3,
    );
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[0]!.ranges).toEqual([{ opens: '09:00', closes: '13:00' }, { opens: '14:00', closes: '18:00' }]);
    expect(week[1]!.ranges).toEqual([]);
    expect(week.filter((d) => d.today).map((d) => d.weekday)).toEqual([3]);
  });

  it('reads times as people write them', () => {
    expect(parseTime('9:00')).toBe('09:00');
    expect(parseTime(' 9.30 ')).toBe('09:30');
    expect(parseTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '9', '9:7', '12:60', 'nove', '']) expect(parseTime(bad), bad).toBeUndefined();
  });
});
