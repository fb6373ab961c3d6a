// The price of a request from a card's price list: the tier matching the number of people and of units
// (the lowest when several match), unit price × units × people, in euro cents to avoid rounding drift.
// Prices include VAT. Used by the citizen's comparison of offers and by the ente when it makes an offer.

export interface PriceTierInput {
  people_min: number;
  people_max: number | null;
  units_min: number;
  units_max: number | null;
  /** Price of one unit (hour, meal…) for one person, VAT included. */
  unit_price: number | string;
}

/**
 * Total price in euro (two decimals), or null when no tier covers that many people and units (or the input
 * is not a positive whole number). `minUnits` is the price list's minimum billed units.
 */
export function computePrice(tiers: readonly PriceTierInput[], people: number, units: number, minUnits = 1): number | null {
  if (!Number.isInteger(people) || !Number.isInteger(units) || people < 1 || units < 1) return null;
  const billed = Math.max(units, Number.isInteger(minUnits) && minUnits > 1 ? minUnits : 1);
  const fits = (t: PriceTierInput) =>
    people >= t.people_min && (t.people_max === null || people <= t.people_max) && billed >= t.units_min && (t.units_max === null || billed <= t.units_max);
  let best: number | null = null;
  for (const t of tiers) {
    const cents = Math.round(Number(t.unit_price) * 100);
    if (!Number.isFinite(cents) || cents < 0 || !fits(t)) continue;
    if (best === null || cents < best) best = cents;
  }
  if (best === null) return null;
  return (best * billed * people) / 100;
}
