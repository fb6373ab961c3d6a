import { describe, expect, it } from 'vitest';
import { computePrice, type PriceTierInput } from './request-price';

const TIERS: PriceTierInput[] = [
  { people_min: 1, people_max: 1, units_min: 1, units_max: 9, unit_price: 22 },
  { people_min: 1, people_max: 1, units_min: 10, units_max: null, unit_price: 19.5 },
  { people_min: 2, people_max: 3, units_min: 1, units_max: null, unit_price: '15.00' },
];

describe('computePrice', () => {
  it('multiplies the matching tier by units and people', () => {
    expect(computePrice(TIERS, 1, 4)).toBe(88);
    expect(computePrice(TIERS, 1, 10)).toBe(195);
    expect(computePrice(TIERS, 3, 2)).toBe(90);
  });
  it('uses the tier boundaries inclusively', () => {
    expect(computePrice(TIERS, 1, 9)).toBe(198);
    expect(computePrice(TIERS, 2, 1)).toBe(30);
  });
  it('returns null when no tier fits or the input is not valid', () => {
    expect(computePrice(TIERS, 4, 1)).toBeNull();
    expect(computePrice([], 1, 1)).toBeNull();
    expect(computePrice(TIERS, 0, 1)).toBeNull();
    expect(computePrice(TIERS, 1, 1.5)).toBeNull();
  });
  it('takes the lowest price when tiers overlap', () => {
    expect(computePrice([...TIERS, { people_min: 1, people_max: null, units_min: 1, units_max: null, unit_price: 18 }], 1, 2)).toBe(36);
  });
  it('bills at least the minimum units of the price list', () => {
    expect(computePrice(TIERS, 1, 2, 10)).toBe(195);
  });
  it('keeps cents exact', () => {
    expect(computePrice([{ people_min: 1, people_max: null, units_min: 1, units_max: null, unit_price: 0.1 }], 3, 3)).toBe(0.9);
    expect(computePrice([{ people_min: 1, people_max: null, units_min: 1, units_max: null, unit_price: 12.35 }], 1, 7)).toBe(86.45);
  });
});
