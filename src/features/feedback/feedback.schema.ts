import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalogue';

// The fixed answers of the Designers Italia page feedback widget: 1–3 stars ask where the visitor had
// difficulties, 4–5 stars what they liked. Codes are stored in page_feedback.answer.

export const NEGATIVE_ANSWERS = [
  'indicazioni_non_chiare',
  'indicazioni_non_complete',
  'non_capivo_procedura',
  'problemi_tecnici',
  'altro',
] as const;

export const POSITIVE_ANSWERS = [
  'indicazioni_chiare',
  'indicazioni_complete',
  'capivo_procedura',
  'nessun_problema_tecnico',
  'altro',
] as const;

export type AnswerCode = (typeof NEGATIVE_ANSWERS)[number] | (typeof POSITIVE_ANSWERS)[number];

/** Ratings above this threshold are positive (the validator's `positiveThreshold`). */
export const POSITIVE_THRESHOLD = 3;
export const DETAILS_MAX = 2000;
export const PAGE_PATH_MAX = 500;
/** At most this many submissions for one page from one IP address per minute. */
export const MAX_PER_MINUTE = 5;

export type Polarity = 'positive' | 'negative';
export const polarityOf = (rating: number): Polarity => (rating > POSITIVE_THRESHOLD ? 'positive' : 'negative');
export const answersFor = (polarity: Polarity): readonly AnswerCode[] => (polarity === 'positive' ? POSITIVE_ANSWERS : NEGATIVE_ANSWERS);

export const answerLabelKey = (polarity: Polarity, code: AnswerCode): MessageKey =>
  `feedback.answer.${polarity}.${code}` as MessageKey;

/**
 * A page path of this site: starts with a single '/', no backslash, no whitespace or control characters
 * (it is used in a link back, so it must never become an open redirect).
 */
export const pagePath = z
  .string()
  .max(PAGE_PATH_MAX)
  .regex(/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/);

const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const blankToUndefined = (v: unknown) => {
  const s = single(v);
  return s === '' || s === null ? undefined : s;
};

/** The submitted form (urlencoded or JSON). `step=rating` is the first step of the no-JavaScript flow. */
export const feedbackInput = z.object({
  page: z.preprocess(single, pagePath),
  rating: z.preprocess(
    (v) => {
      const s = blankToUndefined(v);
      return s === undefined ? undefined : Number(s);
    },
    z.number().int().min(1).max(5),
  ),
  answer: z.preprocess(blankToUndefined, z.enum([...new Set([...NEGATIVE_ANSWERS, ...POSITIVE_ANSWERS])] as [AnswerCode, ...AnswerCode[]]).optional()),
  details: z.preprocess(
    (v) => {
      const s = blankToUndefined(v);
      return typeof s === 'string' ? s.replace(/\r\n/g, '\n').trim() || undefined : s;
    },
    z.string().max(DETAILS_MAX).optional(),
  ),
  step: z.preprocess(blankToUndefined, z.enum(['rating', 'answer']).optional()),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;
