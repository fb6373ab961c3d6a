import { createHash } from 'node:crypto';
import type { FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Queryable } from '../db/database';
import type { Translate } from '../i18n/i18n';
import { notFound } from './http/errors';
import { withUploads } from './http/multipart';

// Uploaded files: only routes declared with `takesFiles` accept multipart forms; they are checked (access, CSRF,
// size) before a byte is read, then parsed with every field on the body and each file cut just past its rule's size,
// so an oversized file is reported, never buffered whole (src/lib/http/multipart.ts). Each file is checked — extension, declared type and the bytes it starts with must all agree, size within
// the rule — before it is stored in the database (table stored_file), so nothing partial is ever kept and
// any app node can serve it. Files are served only by routes that check who may read them.

export type FileKind = 'pdf' | 'png' | 'jpeg';

const KINDS: Record<FileKind, { contentType: string; extensions: string[]; magic: (b: Buffer) => boolean }> = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: { contentType: 'image/png', extensions: ['.png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
};

/** The parser's default limit per file (each upload route sets its own, from its rule). */
export const MULTIPART_FILE_LIMIT = 11 * 1024 * 1024;

export interface UploadRule {
  kinds: FileKind[];
  maxBytes: number;
}

export const PDF_DOCUMENT: UploadRule = { kinds: ['pdf'], maxBytes: 5 * 1024 * 1024 };
export const LOGO_IMAGE: UploadRule = { kinds: ['png', 'jpeg'], maxBytes: 1024 * 1024 };

/**
 * Route options of a form that takes up to `maxFiles` files of a rule: multipart accepted (every other route refuses
 * it), each file cut by the parser just past the rule's size, the whole request capped (src/lib/http/multipart.ts).
 */
export const takesFiles = (options: RouteShorthandOptions, rule: UploadRule, maxFiles = 1): RouteShorthandOptions =>
  withUploads(options, { maxFiles, maxFileBytes: rule.maxBytes });

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
  /** True when the parser cut the file at MULTIPART_FILE_LIMIT. */
  truncated: boolean;
}

interface MultipartPart {
  type?: 'file' | 'field';
  value?: unknown;
  filename?: string;
  mimetype?: string;
  _buf?: Buffer;
  file?: { truncated?: boolean };
}

const isPart = (v: unknown): v is MultipartPart => typeof v === 'object' && v !== null && 'type' in v && 'fieldname' in v;

/** The string fields of a form body, urlencoded or multipart (the last value when a name repeats). */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v === 'string') out[name] = v;
      else if (isPart(v) && v.type === 'field' && typeof v.value === 'string') out[name] = v.value;
    }
  }
  return out;
}

/** Every value of a repeated field (checkbox groups), urlencoded or multipart. */
export function formList(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw])
    .map((v) => (typeof v === 'string' ? v : isPart(v) && v.type === 'field' && typeof v.value === 'string' ? v.value : undefined))
    // An empty value is no choice (src/lib/http/validation.ts: an empty field means "not set").
    .filter((v): v is string => v !== undefined && v !== '');
}

/** The file sent in a field, or undefined when none was chosen. */
export function formFile(body: unknown, name: string): UploadedFile | undefined {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const part = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (!isPart(part) || part.type !== 'file') return undefined;
  const data = part._buf ?? Buffer.alloc(0);
  // Browsers send an empty part with no name when no file was chosen.
  if (!part.filename && data.length === 0) return undefined;
  return { filename: part.filename ?? '', mimetype: part.mimetype ?? '', data, truncated: part.file?.truncated === true };
}

export type UploadCheck = { ok: true; contentType: string; filename: string } | { ok: false; message: string };

/** Checks a file against a rule; the message says what is wrong, in the visitor's language. */
export function checkUpload(file: UploadedFile, rule: UploadRule, t: Translate): UploadCheck {
  const allowed = rule.kinds.map((k) => KINDS[k]);
  const formats = rule.kinds.map((k) => k.toUpperCase()).join(', ');
  const maxMb = Math.round((rule.maxBytes / 1024 / 1024) * 10) / 10;
  if (file.truncated || file.data.length > rule.maxBytes) return { ok: false, message: t('upload.error.tooLarge', { max: maxMb }) };
  if (file.data.length === 0) return { ok: false, message: t('upload.error.empty') };
  const name = file.filename.normalize('NFC').replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  const ext = /\.[A-Za-z0-9]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
  const kind = allowed.find((k) => k.extensions.includes(ext));
  if (!kind) return { ok: false, message: t('upload.error.type', { formats }) };
  if (file.mimetype && file.mimetype !== kind.contentType && file.mimetype !== 'application/octet-stream') {
    return { ok: false, message: t('upload.error.type', { formats }) };
  }
  if (!kind.magic(file.data)) return { ok: false, message: t('upload.error.content', { format: ext.slice(1).toUpperCase() }) };
  return { ok: true, contentType: kind.contentType, filename: name || `file${ext}` };
}

/** Stores a checked file; returns its id. Call inside the transaction of the change that uses it. */
export async function storeFile(q: Queryable, file: UploadedFile, checked: Extract<UploadCheck, { ok: true }>, uploadedBy: string | null): Promise<string> {
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const row = await q.one<{ id: string }>(
    `insert into stored_file (sha256, content_type, size_bytes, original_name, data, uploaded_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [sha256, checked.contentType, file.data.length, checked.filename, file.data, uploadedBy],
  );
  return row.id;
}

export interface StoredFileInfo {
  id: string;
  content_type: string;
  size_bytes: number;
  original_name: string;
  created_at: Date;
}

export async function fileInfo(q: Queryable, id: string): Promise<StoredFileInfo | undefined> {
  return q.maybeOne<StoredFileInfo>('select id, content_type, size_bytes, original_name, created_at from stored_file where id = $1', [id]);
}

/**
 * Sends a stored file. The caller has already checked that the requester may read it. Served as a download
 * (or inline for images), never sniffed, never cached by shared caches, sandboxed.
 */
export async function sendStoredFile(q: Queryable, reply: FastifyReply, id: string, opts: { inline?: boolean } = {}): Promise<FastifyReply> {
  const row = await q.maybeOne<{ content_type: string; original_name: string; data: Buffer | Uint8Array }>(
    'select content_type, original_name, data from stored_file where id = $1',
    [id],
  );
  if (!row) throw notFound('File');
  const ascii = row.original_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = opts.inline ? 'inline' : 'attachment';
  return reply
    .header('content-type', row.content_type)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.original_name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(Buffer.from(row.data));
}

/** A human size: "1,2 MB", "340 KB". */
export function formatSize(bytes: number, locale: 'it' | 'en'): string {
  const fmt = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${fmt.format(bytes / 1024 / 1024)} MB` : `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
