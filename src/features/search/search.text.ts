// Pure text handling of the search: normalisation (the same as SQL wemi_norm: lower case, no accents),
// tokens, Italian inflection variants, synonym spans and the text of the tsquery given to
// to_tsquery('italian', …). No database access here, so every rule is unit-tested on its own.

/** Longest query we look at, in tokens (the rest is ignored). */
export const MAX_TOKENS = 10;
/** Longest token kept; longer "words" are cut. */
export const MAX_TOKEN_LENGTH = 40;

/** Lower case without accents or punctuation: the JavaScript twin of SQL `wemi_norm` for our alphabet. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a text, normalised, at most MAX_TOKENS. */
export function tokenize(text: string): string[] {
  const n = normalize(text);
  if (!n) return [];
  return n
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

const VOWEL_END = /[aeiou]$/;

/**
 * The root used to compare inflected forms: the word without its final vowel ("anziani" → "anzian",
 * "badante" → "badant"). Words of three letters or less are their own root.
 */
export function rootOf(token: string): string {
  return token.length > 3 && VOWEL_END.test(token) ? token.slice(0, -1) : token;
}

/**
 * Gender and number variants of an Italian word: "anziano" → anziana, anziane, anziani, anziano.
 * The Italian stemmer does not always give the same stem to every form ("anziano" → anzi, "anziani" →
 * anzian), so the query asks for all forms; each is stemmed by to_tsquery. Other words are left alone.
 */
export function variants(token: string): string[] {
  if (token.length <= 3 || !VOWEL_END.test(token) || /\d/.test(token)) return [token];
  const root = token.slice(0, -1);
  const out = new Set<string>([token]);
  for (const v of ['a', 'e', 'i', 'o']) out.add(root + v);
  // Plurals in -io/-ii ("servizio" → "servizi") and -co/-chi, -go/-ghi.
  if (/i[oa]$/.test(token)) out.add(token.slice(0, -1));
  if (/[cg][oa]$/.test(token)) {
    out.add(`${root}hi`);
    out.add(`${root}he`);
  }
  return [...out];
}

/** A group of equivalent expressions (each already tokenised), e.g. [["badante"], ["assistente", "familiare"]]. */
export type SynonymGroup = string[][];

/** One piece of the query: what the user wrote at that point and the equivalent expressions to search too. */
export interface QueryUnit {
  /** Tokens of the query covered by this unit. */
  tokens: string[];
  /** Alternatives, each a list of words that must all be present (the first is the user's own words). */
  alternatives: string[][];
  /** The last word is being typed: also match words that start with it. */
  prefix?: string | undefined;
}

const sameWord = (a: string, b: string) => a === b || rootOf(a) === rootOf(b);

/**
 * Splits the (corrected) tokens into units, matching synonym expressions greedily, longest first.
 * Inflected forms count as the same word ("badanti" matches the synonym "badante").
 */
export function buildUnits(tokens: string[], groups: SynonymGroup[], alternativesOf: (i: number) => string[] = () => []): QueryUnit[] {
  const units: QueryUnit[] = [];
  let i = 0;
  while (i < tokens.length) {
    let bestLen = 0;
    const matched: SynonymGroup[] = [];
    for (const group of groups) {
      for (const expr of group) {
        const len = expr.length;
        if (len === 0 || len < bestLen || i + len > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < len; k++) {
          if (!sameWord(expr[k]!, tokens[i + k]!)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (len > bestLen) {
          bestLen = len;
          matched.length = 0;
        }
        if (!matched.includes(group)) matched.push(group);
      }
    }
    if (bestLen === 0) {
      const extra = alternativesOf(i).filter((a) => a !== tokens[i]);
      units.push({ tokens: [tokens[i]!], alternatives: [[tokens[i]!], ...extra.map((a) => [a])] });
      i += 1;
      continue;
    }
    const own = tokens.slice(i, i + bestLen);
    const alternatives: string[][] = [own];
    const seen = new Set([own.join(' ')]);
    for (const group of matched) {
      for (const expr of group) {
        const key = expr.join(' ');
        if (seen.has(key) || (expr.length === own.length && expr.every((w, k) => sameWord(w, own[k]!)))) continue;
        seen.add(key);
        alternatives.push(expr);
      }
    }
    units.push({ tokens: own, alternatives });
    i += bestLen;
  }
  return units;
}

/** Weight restriction of each operand: '' for every weight, 'A' for name and service type, 'AB' adding category, synonyms, ente. */
export type WeightFilter = '' | 'A' | 'AB' | 'ABC';

function operand(word: string, weights: WeightFilter, prefix = false): string {
  // Tokens are [a-z0-9]+ only, so they cannot break the tsquery syntax.
  const suffix = prefix || weights ? `:${prefix ? '*' : ''}${weights}` : '';
  return `${word}${suffix}`;
}

function wordQuery(word: string, weights: WeightFilter): string {
  const vs = variants(word).map((v) => operand(v, weights));
  return vs.length === 1 ? vs[0]! : `(${vs.join(' | ')})`;
}

/** The text for to_tsquery('italian', …): units joined by AND, alternatives by OR, variants by OR. */
export function tsqueryText(units: QueryUnit[], weights: WeightFilter = ''): string {
  const parts: string[] = [];
  for (const unit of units) {
    const alts = unit.alternatives.map((words) => {
      const ws = words.map((w) => wordQuery(w, weights));
      return ws.length === 1 ? ws[0]! : `(${ws.join(' & ')})`;
    });
    if (unit.prefix) alts.push(operand(unit.prefix, weights, true));
    parts.push(alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`);
  }
  return parts.join(' & ');
}

/**
 * pg_trgm-compatible trigram similarity (same padding rules: each word padded with two spaces before and
 * one after), used by the in-memory autocomplete so it tolerates the same typos as the search.
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalize(text).split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}
