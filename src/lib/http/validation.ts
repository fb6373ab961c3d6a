import { z } from 'zod';
import { AppError, type FieldIssue } from './errors';
import type { Translate } from '../../i18n/i18n';

/**
 * Parses input with a Zod schema; on failure throws a 400 AppError whose issues name each field with a
 * message in the visitor's language. Used by both the HTML pages and the JSON API.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, t: Translate): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('bad_request', 'Invalid input', issuesOf(result.error, t));
}

export function issuesOf(error: z.ZodError, t: Translate): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(input)', message: messageOf(issue, t) }));
}

function messageOf(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.outOfRange', { min: 0, max: Number(issue.maximum) });
      return t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return t('validation.required');
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.outOfRange', { min: Number(issue.minimum), max: '∞' });
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.unknownValue', { value: String((issue.input as string | undefined) ?? '') });
    case 'invalid_format':
      return issue.format === 'uuid' ? t('validation.invalidId') : t('validation.invalid');
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? t('validation.notInteger') : t('validation.invalid');
    default:
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : t('validation.invalid');
  }
}

// Reusable query-string pieces: a single value from a query that may repeat a key.
const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
/** A list from a repeated or comma-separated query parameter. */
const list = (v: unknown) =>
  v === undefined || v === '' ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);

export const q = {
  text: (max: number) => z.preprocess(single, z.string().trim().max(max).optional()),
  int: (min: number, max: number) =>
    z.preprocess(
      (v) => {
        const s = single(v);
        return s === undefined || s === '' ? undefined : Number(s);
      },
      z.number().int().min(min).max(max).optional(),
    ),
  money: (max: number) =>
    z.preprocess(
      (v) => {
        const s = single(v);
        return s === undefined || s === '' ? undefined : Number(String(s).replace(',', '.'));
      },
      z.number().min(0).max(max).optional(),
    ),
  bool: () =>
    z.preprocess((v) => {
      const s = single(v);
      return s === undefined || s === '' ? undefined : s === 'true' || s === '1' || s === 'on' ? true : s === 'false' || s === '0' ? false : s;
    }, z.boolean().optional()),
  list: <T extends z.ZodType>(item: T, max = 30) => z.preprocess(list, z.array(item).max(max)),
  enumOf: <const V extends readonly [string, ...string[]]>(values: V) => z.preprocess(single, z.enum(values).optional()),
  uuid: () => z.preprocess(single, z.uuid()),
};
