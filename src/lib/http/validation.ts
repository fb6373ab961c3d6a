import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldIssue } from './errors';
import type { Translate } from '../../i18n/i18n';

// An empty field means "not set", everywhere. A GET form sends every control, so a select left on its first
// option or an empty number box arrives as `modalita=` or `prezzo_max=`: that must read as "no filter", never as
// an unknown value. The rule lives here, once: the query string of every request is cleaned before any route
// sees it (registerEmptyValues), parseInput cleans whatever it parses, and the `q` helpers below read '' as unset.

/** '' or only white space. */
export const isEmptyValue = (v: unknown): boolean => typeof v === 'string' && v.trim() === '';

/**
 * The same flat input (query string, route parameters, form fields) without its empty values: an empty field is
 * dropped, and a repeated one keeps only its non-empty values (dropped when none is left).
 */
export function withoutEmptyValues<T>(input: T): T {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const kept = value.filter((v) => !isEmptyValue(v));
      if (kept.length) out[key] = kept;
    } else if (!isEmptyValue(value) && value !== undefined) out[key] = value;
  }
  return out as T;
}

/** NUL characters: PostgreSQL text cannot hold them, and no person types one. */
const NUL = /\u0000/g;
const withoutNul = (v: unknown): unknown => (typeof v === 'string' && v.includes('\u0000') ? v.replace(NUL, '') : v);

/** The same flat input with NUL characters taken out of every text value (multipart field parts included). */
export function withoutNulCharacters<T>(input: T): T {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'field' && typeof (v as { value?: unknown }).value === 'string') {
      (v as { value: string }).value = (v as { value: string }).value.replace(NUL, '');
      return v;
    }
    return withoutNul(v);
  };
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = clean(record[key]);
  return input;
}

/**
 * Every request's input cleaned once at the edge, before validation and handlers: no NUL character in the query
 * string, the route parameters or the form fields (they would reach PostgreSQL and fail there), and no empty value
 * in the query string.
 */
export function registerInputCleaning(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.query && typeof request.query === 'object') request.query = withoutEmptyValues(withoutNulCharacters(request.query));
    if (request.params && typeof request.params === 'object') withoutNulCharacters(request.params);
    if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) withoutNulCharacters(request.body);
  });
}

/**
 * Parses input with a Zod schema; on failure throws a 400 AppError whose issues name each field with a
 * message in the visitor's language. Used by both the HTML pages and the JSON API.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, t: Translate): z.infer<S> {
  // reportInput: the issues keep the value received, so a message can quote it ("Valore sconosciuto: xyz").
  const result = schema.safeParse(withoutEmptyValues(input), { reportInput: true });
  if (result.success) return result.data;
  throw new AppError('bad_request', 'Invalid input', issuesOf(result.error, t, schema));
}

/**
 * One issue per field and message. Inputs are flat maps (query strings, route parameters, forms), so the field
 * is the parameter name: an issue about one value of a repeated parameter (path `municipio.0`) names `municipio`.
 * With the schema, range messages give both bounds of the field even when only one is exceeded.
 */
export function issuesOf(error: z.ZodError, t: Translate, schema?: z.ZodType): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '(input)';
    const message = messageOf(issue, t, schema && schemaAt(schema, issue.path));
    if (!out.some((i) => i.field === field && i.message === message)) out.push({ field, message });
  }
  return out;
}

/** Longest part of a wrong value quoted back in a message. */
const MAX_QUOTED = 100;

function messageOf(issue: z.core.$ZodIssue, t: Translate, schema: z.ZodType | undefined): string {
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'string') {
        if (issue.code === 'too_big') return t('validation.tooLong', { max: Number(issue.maximum) });
        return Number(issue.minimum) === 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin !== 'number' && issue.origin !== 'int') return t('validation.invalid');
      // The field's own bounds when the schema is known, else the one bound the issue carries.
      const bounds = schema instanceof z.ZodNumber ? { min: bound(schema.minValue), max: bound(schema.maxValue) } : {};
      const min = bounds.min ?? (issue.code === 'too_small' ? Number(issue.minimum) : undefined);
      const max = bounds.max ?? (issue.code === 'too_big' ? Number(issue.maximum) : undefined);
      if (min !== undefined && max !== undefined) return t('validation.outOfRange', { min, max });
      return min !== undefined ? t('validation.atLeast', { min }) : t('validation.atMost', { max: max ?? '' });
    }
    case 'invalid_value':
      // The value received (when the input was parsed with reportInput), else the values allowed.
      return issue.input !== undefined
        ? t('validation.unknownValue', { value: String(issue.input).slice(0, MAX_QUOTED) })
        : t('validation.notAllowed', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return issue.format === 'uuid' ? t('validation.invalidId') : t('validation.invalid');
    case 'invalid_type':
      // A field left empty (or missing) that the schema requires.
      if (issue.input === undefined) return t('validation.required');
      return issue.expected === 'int' || issue.expected === 'number' ? t('validation.notInteger') : t('validation.invalid');
    default:
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : t('validation.invalid');
  }
}

/** A finite bound of a number schema; the safe-integer limits that `.int()` sets count as no bound. */
const bound = (v: number | null) => (v === null || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v);

/** The schema that validates the value at `path`: through objects, lists, preprocessing and optional wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType = schema;
  let i = 0;
  for (;;) {
    if (s instanceof z.ZodPipe) s = (s.out instanceof z.ZodTransform ? s.in : s.out) as z.ZodType;
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (i === path.length) return s;
    else if (s instanceof z.ZodObject) {
      const next = s.shape[String(path[i++])] as z.ZodType | undefined;
      if (!next) return undefined;
      s = next;
    } else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
      i++;
    } else return undefined;
  }
}

// Reusable query-string pieces: a single value from a query that may repeat a key; an empty value is no value.
const single = (v: unknown) => {
  const s = Array.isArray(v) ? v.filter((x) => !isEmptyValue(x)).at(-1) : v;
  return isEmptyValue(s) ? undefined : s;
};
/** A list from a repeated or comma-separated query parameter. */
const list = (v: unknown) =>
  v === undefined || v === '' ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);

export const q = {
  text: (max: number) => z.preprocess(single, z.string().trim().max(max).optional()),
  int: (min: number, max: number) =>
    z.preprocess(
      (v) => {
        const s = single(v);
        return s === undefined ? undefined : Number(s);
      },
      z.number().int().min(min).max(max).optional(),
    ),
  money: (max: number) =>
    z.preprocess(
      (v) => {
        const s = single(v);
        return s === undefined ? undefined : Number(String(s).replace(',', '.'));
      },
      z.number().min(0).max(max).optional(),
    ),
  bool: () =>
    z.preprocess((v) => {
      const s = single(v);
      return s === undefined ? undefined : s === 'true' || s === '1' || s === 'on' ? true : s === 'false' || s === '0' ? false : s;
    }, z.boolean().optional()),
  list: <T extends z.ZodType>(item: T, max = 30) => z.preprocess(list, z.array(item).max(max)),
  enumOf: <const V extends readonly [string, ...string[]]>(values: V) => z.preprocess(single, z.enum(values).optional()),
  uuid: () => z.preprocess(single, z.uuid()),
};
