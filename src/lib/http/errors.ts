import type { MessageKey } from '../../i18n/catalogue';

// One error catalogue: every expected failure has a stable code, an HTTP status and a message key.
export const ERRORS = {
  not_found: { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' },
  bad_request: { status: 400, title: 'error.badRequest.title', body: 'error.badRequest.body' },
  unauthorized: { status: 401, title: 'error.unauthorized.title', body: 'error.unauthorized.body' },
  forbidden: { status: 403, title: 'error.forbidden.title', body: 'error.forbidden.body' },
  csrf: { status: 403, title: 'error.csrf.title', body: 'error.csrf.body' },
  conflict: { status: 409, title: 'error.conflict.title', body: 'error.conflict.body' },
  too_large: { status: 413, title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  unsupported_media: { status: 415, title: 'error.unsupportedMedia.title', body: 'error.unsupportedMedia.body' },
  too_many_requests: { status: 429, title: 'error.tooMany.title', body: 'error.tooMany.body' },
  internal: { status: 500, title: 'error.server.title', body: 'error.server.body' },
} as const satisfies Record<string, { status: number; title: MessageKey; body: MessageKey }>;

export type ErrorCode = keyof typeof ERRORS;

/** A field-level problem in the input: `field` is the query/body parameter name. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message ?? code);
    this.status = ERRORS[code].status;
  }
}

export const notFound = (what?: string) => new AppError('not_found', what ? `${what} not found` : 'Not found');
export const badRequest = (message: string, issues: FieldIssue[] = []) => new AppError('bad_request', message, issues);
