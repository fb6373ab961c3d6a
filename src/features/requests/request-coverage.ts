import type { Translate } from '../../i18n/i18n';

// Coverage: the Municipi a service card serves (service_area, edited by the ente in the card's "area" section)
// against the Municipio the citizen gives in step 4 of the request (service_request.municipio_id). Both are
// compared by the Municipio term's code ('m1'…'m9'). A card with no Municipio stated, or a request with no
// Municipio yet, is never "outside". Coverage is read live: when an ente extends its card, the warning goes.

export interface Coverage {
  /** The citizen's Municipio is not among the card's. */
  outside: boolean;
  /** The citizen's Municipio as people say it ("8"). */
  citizen: string;
  /** The card's Municipi ("3", "4"), in the taxonomy's order. */
  card: string[];
}

/** The number of a Municipio term ('m8' → '8'); the code itself when it has none. */
export const municipioNumber = (code: string): string => /(\d+)/.exec(code)?.[1] ?? code;

/** The coverage of a card (its Municipi's codes) for the citizen's Municipio code; null when there is nothing to compare. */
export function coverageOf(cardCodes: readonly string[], citizenCode: string | null | undefined): Coverage | null {
  if (!citizenCode || cardCodes.length === 0) return null;
  return { outside: !cardCodes.includes(citizenCode), citizen: municipioNumber(citizenCode), card: cardCodes.map(municipioNumber) };
}

/** "Fuori dalla zona servita (Municipio 8; la scheda copre i Municipi 3, 4)" — what the ente reads. */
export function outsideText(t: Translate, c: Coverage): string {
  return t(c.card.length === 1 ? 'requests.zone.outsideOne' : 'requests.zone.outsideMany', { citizen: c.citizen, card: c.card.join(', ') });
}

/** Milan's Municipi: a card that covers them all covers the whole city. */
export const ALL_MUNICIPI = 9;

/** "Municipi 3, 4" / "Municipio 3" / "Tutti i Municipi" — a card's zone in short. */
export function zoneText(t: Translate, cardCodes: readonly string[]): string {
  if (cardCodes.length === 0) return t('common.notAvailable');
  if (cardCodes.length >= ALL_MUNICIPI) return t('requests.enti.allMunicipi');
  const numbers = cardCodes.map(municipioNumber).join(', ');
  return t(cardCodes.length === 1 ? 'requests.zone.one' : 'requests.zone.many', { numbers });
}
