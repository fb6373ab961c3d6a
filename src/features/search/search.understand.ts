import { AMBIGUOUS_PLACES, NEIGHBOURHOODS, PLACE_INTRODUCERS, ROMAN } from './search.places';
import { rootOf, similarity } from './search.text';

// What a person's query means, before anything is matched: which words name a place (a Municipio filter, not words
// to find), which carry no meaning ("cerco", "ho bisogno di", "mia madre"), which name a concept of the dictionary
// (search_concept, edited by the City: "alzheimer" → demenza, non autosufficiente, the care services), and the
// words left to search as they are. Pure functions over normalised tokens; the dictionary is built once per
// catalogue generation (search.service.ts).

export interface Concept {
  id: string;
  label: string;
  kind: 'concept' | 'ignore';
  /** What people type, tokenised. */
  terms: string[][];
  /** Italian expressions searched in its place, tokenised. */
  related: string[][];
  /** The concept's own cards: their service type or category (term ids). */
  typeIds: string[];
  catIds: string[];
}

export interface Dictionary {
  concepts: Concept[];
  /** Normalised place name → Municipio number. */
  places: Map<string, number>;
  /** Longest place name, in tokens. */
  placeLength: number;
}

export interface PlaceFilter {
  municipio: number;
  /** The words of the query that named it. */
  phrase: string;
}

export interface Understanding {
  municipi: PlaceFilter[];
  concepts: { concept: Concept; phrase: string }[];
  /** Words left out as meaningless. */
  ignored: string[];
  /** Words to search as they are, in order. */
  words: string[];
  /** Where each of `words` is among the query's tokens. */
  wordPositions: number[];
  /** The query's tokens without the place phrases (what the search would be with the place filter removed). */
  withoutPlaces: string[];
}

export function buildDictionary(concepts: Concept[], municipioNames: Map<string, number>): Dictionary {
  const places = new Map<string, number>(Object.entries(NEIGHBOURHOODS));
  for (const [name, n] of municipioNames) places.set(name, n);
  let placeLength = 1;
  for (const name of places.keys()) placeLength = Math.max(placeLength, name.split(' ').length);
  return { concepts, places, placeLength };
}

const sameWord = (a: string, b: string) => a === b || (a.length > 3 && b.length > 3 && rootOf(a) === rootOf(b));

/** Articles and prepositions a person may put between the words of a term ("contratto della badante"). */
const CONNECTORS = new Set([
  'il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'una', 'uno', 'di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'al', 'alla', 'allo',
  'ai', 'agli', 'alle', 'a', 'da', 'per', 'con', 'in', 'nel', 'nella', 'e', 'the', 'of', 'for', 'a', 'an',
]);

/** How many tokens from i the expression takes (connectors between its words allowed), 0 when it does not match. */
function matchesAt(tokens: string[], i: number, expr: string[]): number {
  if (expr.length === 0) return 0;
  let j = i;
  for (let k = 0; k < expr.length; k++) {
    if (k > 0) while (j < tokens.length && CONNECTORS.has(tokens[j]!) && !sameWord(expr[k]!, tokens[j]!)) j++;
    if (j >= tokens.length || !sameWord(expr[k]!, tokens[j]!)) return 0;
    j++;
  }
  return j - i;
}

const MUNICIPIO_WORDS = new Set(['municipio', 'municipi', 'zona', 'mun', 'district']);

function municipioNumber(token: string | undefined): number | undefined {
  if (!token) return undefined;
  if (/^[1-9]$/.test(token)) return Number(token);
  return ROMAN[token];
}

/** A place starting at token i: its Municipio and how many tokens it takes (introducers included). */
function placeAt(tokens: string[], i: number, dict: Dictionary): { municipio: number; length: number } | undefined {
  // "municipio 8", "zona 8", "municipio VIII"; "municipio8" as typed on a phone.
  const glued = /^(?:municipio|zona)([1-9])$/.exec(tokens[i]!);
  if (glued) return { municipio: Number(glued[1]), length: 1 };
  if (MUNICIPIO_WORDS.has(tokens[i]!)) {
    const n = municipioNumber(tokens[i + 1]);
    if (n !== undefined) return { municipio: n, length: 2 };
  }
  // Introducers: "zona Niguarda", "nel quartiere Isola", "a Baggio".
  let j = i;
  while (j < tokens.length && j - i < 2 && PLACE_INTRODUCERS.has(tokens[j]!)) j++;
  const introduced = j > i;
  if (introduced && MUNICIPIO_WORDS.has(tokens[j]!) && municipioNumber(tokens[j + 1]) !== undefined) {
    return { municipio: municipioNumber(tokens[j + 1])!, length: j - i + 2 };
  }
  for (let len = Math.min(dict.placeLength, tokens.length - j); len >= 1; len--) {
    const name = tokens.slice(j, j + len).join(' ');
    const n = dict.places.get(name);
    if (n === undefined) continue;
    if (!introduced && AMBIGUOUS_PLACES.has(name)) continue;
    return { municipio: n, length: j - i + len };
  }
  return undefined;
}

/** Concepts and meaningless expressions starting at token i, longest first. */
function conceptsAt(tokens: string[], i: number, dict: Dictionary): { concepts: Concept[]; length: number } {
  let best = 0;
  let found: Concept[] = [];
  for (const c of dict.concepts) {
    for (const term of c.terms) {
      const length = matchesAt(tokens, i, term);
      if (length === 0 || length < best) continue;
      if (length > best) {
        best = length;
        found = [];
      }
      if (!found.includes(c)) found.push(c);
    }
  }
  // A concept beats a meaningless reading of the same words.
  if (found.some((c) => c.kind === 'concept')) found = found.filter((c) => c.kind === 'concept');
  return { concepts: found, length: best };
}

/** Reads a query's (normalised) tokens. */
export function understand(tokens: string[], dict: Dictionary): Understanding {
  const out: Understanding = { municipi: [], concepts: [], ignored: [], words: [], wordPositions: [], withoutPlaces: [] };
  let i = 0;
  while (i < tokens.length) {
    const place = placeAt(tokens, i, dict);
    if (place) {
      const phrase = tokens.slice(i, i + place.length).join(' ');
      if (!out.municipi.some((m) => m.municipio === place.municipio)) out.municipi.push({ municipio: place.municipio, phrase });
      i += place.length;
      continue;
    }
    const { concepts, length } = conceptsAt(tokens, i, dict);
    if (length > 0) {
      const phrase = tokens.slice(i, i + length).join(' ');
      for (const c of concepts) {
        if (c.kind === 'ignore') out.ignored.push(phrase);
        else if (!out.concepts.some((x) => x.concept === c)) out.concepts.push({ concept: c, phrase });
      }
      out.withoutPlaces.push(...tokens.slice(i, i + length));
      i += length;
      continue;
    }
    out.words.push(tokens[i]!);
    out.wordPositions.push(i);
    out.withoutPlaces.push(tokens[i]!);
    i += 1;
  }
  return out;
}

/**
 * The concept a misspelt word most likely means ("alzaimer" → Alzheimer), for words that match no card: only
 * single-word terms of five letters or more, close by trigram similarity.
 */
export function conceptForTypo(token: string, dict: Dictionary): Concept | undefined {
  if (token.length < 5 || /\d/.test(token)) return undefined;
  let best: Concept | undefined;
  let bestScore = 0.45;
  for (const c of dict.concepts) {
    if (c.kind !== 'concept') continue;
    for (const term of c.terms) {
      if (term.length !== 1 || term[0]!.length < 5) continue;
      const s = similarity(term[0]!, token);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
  }
  return best;
}
