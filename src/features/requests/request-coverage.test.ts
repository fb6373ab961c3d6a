import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { coverageOf, outsideText, zoneText } from './request-coverage';

describe('coverage of a card for the citizen’s Municipio', () => {
  const t = translator('it');
  it('is outside when the Municipio is not among the card’s', () => {
    const c = coverageOf(['m3', 'm4'], 'm8');
    expect(c).toEqual({ outside: true, citizen: '8', card: ['3', '4'] });
    expect(outsideText(t, c!)).toBe('Fuori dalla zona servita (Municipio 8; la scheda copre i Municipi 3, 4)');
    expect(outsideText(t, coverageOf(['m3'], 'm8')!)).toBe('Fuori dalla zona servita (Municipio 8; la scheda copre il Municipio 3)');
    expect(coverageOf(['m3', 'm4'], 'm4')?.outside).toBe(false);
  });
  it('has nothing to say without a Municipio on either side', () => {
    expect(coverageOf([], 'm8')).toBeNull();
    expect(coverageOf(['m3'], null)).toBeNull();
  });
  it('names the zone in short', () => {
    expect(zoneText(t, ['m3', 'm4'])).toBe('Municipi 3, 4');
    expect(zoneText(t, ['m8'])).toBe('Municipio 8');
    expect(zoneText(t, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'])).toBe('Tutti i Municipi');
    expect(zoneText(t, [])).toBe('Non indicato');
  });
});
