import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/database';
import { catalogueGeneration } from '../catalogue-cache';

// Whole responses of public GET routes that depend only on the URL, the language and the public catalogue
// (the search API, the autocomplete), kept per process, already compressed, for as long as the catalogue
// generation holds (src/lib/catalogue-cache.ts). A repeated search costs a map lookup instead of a search,
// a serialisation and a compression. Routes opt in with `config: { cache: 'catalogue' }`; what the request
// adds of its own (cookies set by hooks) is never stored.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'catalogue': the response depends only on the URL, the language and the public catalogue. */
    cache?: 'catalogue';
  }
}

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  generation: number;
  body: Buffer;
  headers: Record<string, string>;
}

/** Headers of the handler's answer that belong to the response itself. */
const STORED_HEADERS = ['content-type', 'cache-control', 'access-control-allow-origin'];
const MAX_ENTRY_BYTES = 512 * 1024;
/** The language may come from a cookie. */
const VARY = 'Accept-Encoding, Cookie';

/** The coding this server uses for a request: brotli, else gzip, else none (q=0 refuses a coding). */
export function negotiateEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed off the main thread (libuv's pool), once per entry. */
async function encode(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') return brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 });
  return body;
}

const pending = Symbol('response cache pending');

interface Pending {
  key: string;
  generation: number;
  encoding: Encoding;
}

export function registerResponseCache(app: FastifyInstance, db: Queryable, limits = { entries: 2000, bytes: 64 * 1024 * 1024 }): void {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const evict = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.body.length;
    entries.delete(key);
  };

  // After the page context (the language) is known.
  app.addHook('preHandler', async (request: FastifyRequest & { [pending]?: Pending }, reply: FastifyReply) => {
    if (request.routeOptions.config.cache !== 'catalogue' || request.method !== 'GET') return;
    const generation = catalogueGeneration(db);
    if (generation === null) return;
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    const key = `${request.ctx.locale} ${encoding} ${request.url}`;
    const hit = entries.get(key);
    if (hit && hit.generation === generation) {
      // Most recently used last: eviction takes the oldest.
      entries.delete(key);
      entries.set(key, hit);
      reply.headers(hit.headers);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      reply.header('vary', VARY);
      reply.header('x-cache', 'hit');
      return reply.code(200).send(hit.body);
    }
    if (hit) evict(key);
    request[pending] = { key, generation, encoding };
  });

  app.addHook('onSend', async (request: FastifyRequest & { [pending]?: Pending }, reply: FastifyReply, payload: unknown) => {
    const p = request[pending];
    if (!p || reply.statusCode !== 200 || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const raw = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const body = await encode(raw, p.encoding);
    if (p.encoding !== 'identity') reply.header('content-encoding', p.encoding);
    reply.header('vary', VARY);
    reply.header('x-cache', 'miss');
    if (body.length <= MAX_ENTRY_BYTES && catalogueGeneration(db) === p.generation) {
      const headers: Record<string, string> = {};
      for (const name of STORED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      evict(p.key);
      entries.set(p.key, { generation: p.generation, body, headers });
      bytes += body.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= limits.entries && bytes <= limits.bytes) break;
        evict(oldest);
      }
    }
    return body;
  });
}
