import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { DEFAULT_LOCALE, translator } from '../../i18n/i18n';
import { AppError } from './errors';

// Multipart forms (file uploads) at the edge. A route takes files only when it says so in `config.uploads`
// (how many files, how large each); every other route answers a multipart request 415 before reading a byte of
// it. On an upload route the checks come first too: access (onRequest), the CSRF token (carried in the form's
// action URL or a header, checked in csrf.ts before parsing), then the declared size (Content-Length above the
// route's cap: 413). Only then are the parts read, one at a time, each file cut at the route's size (a file cut
// short is reported "too large" by src/lib/uploads.ts checkUpload), the bytes of the whole request counted
// against the cap (chunked bodies have no Content-Length), and a body that is not valid multipart (no boundary,
// cut short) is a 400 with a clear message, never a 500. request.body gets the same shape as before: field parts
// ({ type: 'field', value }) and file parts ({ type: 'file', filename, mimetype, _buf, file: { truncated } }).

/** What a route that takes files accepts. */
export interface UploadLimits {
  /** Files in one request. */
  maxFiles: number;
  /** Bytes of one file: the parser cuts a larger file there (so it is reported "too large", never buffered whole). */
  maxFileBytes: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes multipart forms with files, within these limits; without it, multipart is refused (415). */
    uploads?: UploadLimits;
  }
}

/** Room for the form's text fields and the multipart framing, on top of the files. */
export const FORM_FIELDS_BYTES = 1024 * 1024;
const FIELD_LIMITS = { fields: 200, fieldSize: 64 * 1024, headerPairs: 20 };

/** The most bytes a multipart request to a route may carry. */
export const requestCap = (limits: UploadLimits): number => limits.maxFiles * limits.maxFileBytes + FORM_FIELDS_BYTES;

/** Route options that take files: the same options with `config.uploads` added. */
export function withUploads(options: RouteShorthandOptions, uploads: UploadLimits): RouteShorthandOptions {
  return { ...options, config: { ...(options.config as object), uploads } };
}

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function isMultipart(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^\s*multipart\//i.test(type);
}

// Refused before the page context is made (a preHandler): the messages are in the language of the error page.
const t: ReturnType<typeof translator> = (key, values) => translator(DEFAULT_LOCALE)(key, values);

function tooLarge(limits: UploadLimits, why: 'size' | 'files' = 'size'): AppError {
  const message = t(why === 'files' ? 'error.tooLarge.files' : 'error.tooLarge.limit', { files: limits.maxFiles, max: MB(limits.maxFileBytes) });
  return new AppError('too_large', message, [{ field: 'upload', message }]);
}

function malformed(): AppError {
  const message = t('error.malformedForm');
  return new AppError('bad_request', message, [{ field: 'upload', message }]);
}

const parsed = Symbol('multipart parsed');
type Parsed = FastifyRequest & { [parsed]?: boolean };

/**
 * The edge of multipart requests. Call after registering @fastify/multipart (without attachFieldsToBody) and
 * before any other preValidation hook, so every later hook and the handler see the parsed body.
 */
export function registerMultipartEdge(app: FastifyInstance): void {
  // Before the body: refuse multipart where the route takes no files.
  app.addHook('preParsing', async (request, _reply, payload) => {
    // An unknown address answers 404 (it reads no body either).
    if (!isMultipart(request) || request.is404) return payload;
    const limits = request.routeOptions.config?.uploads;
    if (!limits) {
      throw new AppError('unsupported_media', 'This route does not take multipart forms');
    }
    return payload;
  });

  // The parts, read with the route's limits.
  app.addHook('preValidation', async (request) => {
    const limits = request.routeOptions.config?.uploads;
    if (!limits || !request.isMultipart()) return;
    const cap = requestCap(limits);
    // Still nothing read: the CSRF token was checked (csrf.ts, preParsing), now the size the client declares.
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      throw tooLarge(limits);
    }
    const raw = request.raw;
    let received = 0;
    let overCap!: (err: Error) => void;
    const stopped = new Promise<never>((_, reject) => (overCap = reject));
    stopped.catch(() => {});
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > cap) {
        raw.off('data', count);
        raw.unpipe();
        overCap(tooLarge(limits));
      }
    };
    // (The plugin is registered with throwFileSizeLimit: false: a file cut short is marked `truncated`, not an error.)
    const parts = request.parts({ limits: { ...FIELD_LIMITS, files: limits.maxFiles, fileSize: limits.maxFileBytes, parts: limits.maxFiles + FIELD_LIMITS.fields } });
    let body: Record<string, unknown> = {};
    try {
      const iterator = parts[Symbol.asyncIterator]();
      // The first step pipes the request into the parser (synchronously); the bytes are counted from then on.
      let step = iterator.next();
      raw.on('data', count);
      for (;;) {
        const next = await Promise.race([step, stopped]);
        if (next.done) break;
        const part = next.value;
        body = part.fields as Record<string, unknown>;
        // Each file is read to its end (cut at the route's size by the parser) before the next part comes.
        if (part.type === 'file') await Promise.race([part.toBuffer(), stopped]);
        step = iterator.next();
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const status = (err as { statusCode?: unknown }).statusCode;
      const code = (err as { code?: unknown }).code;
      if (code === 'FST_FILES_LIMIT') throw tooLarge(limits, 'files');
      if (status === 413) throw tooLarge(limits);
      // No boundary, a body cut short, a field named like a prototype property, a part the parser cannot read.
      request.log.info({ err }, 'malformed multipart body');
      throw malformed();
    } finally {
      raw.off('data', count);
    }
    request.body = body;
    (request as Parsed)[parsed] = true;
  });

  // A multipart body refused before it was read to its end (415, 403, a login redirect, 413, a malformed one): the
  // connection closes after the answer, so the rest of it is never read.
  app.addHook('onSend', async (request, reply) => {
    if (isMultipart(request) && !(request as Parsed)[parsed]) reply.header('connection', 'close');
  });
}
