import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

// Static assets: built once at start-up, served from memory under content-hashed URLs with
// `Cache-Control: immutable`, pre-compressed with brotli and gzip.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BI_DIST = path.join(ROOT, 'node_modules/bootstrap-italia/dist');
const BI_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/bootstrap-italia/package.json'), 'utf8')).version as string;
const CLIENT = path.join(ROOT, 'src/client');

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface Asset {
  body: Buffer;
  br: Buffer | undefined;
  gz: Buffer | undefined;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Logical names of the assets pages may link to. */
export type AssetName = 'css/bootstrap-italia.css' | 'css/wemi.css' | 'css/leaflet.css' | 'svg/sprites.svg' | 'js/main.js' | 'js/map.js' | `img/${string}.svg`;

export class AssetStore {
  private readonly byUrl = new Map<string, Asset>();
  private readonly urls = new Map<string, string>();
  /** Fonts are versioned by the Bootstrap Italia release in their path. */
  readonly fontBase = `/static/bi-${BI_VERSION}/fonts`;

  url(name: AssetName): string {
    const u = this.urls.get(name);
    if (!u) throw new Error(`Unknown asset ${name}`);
    return u;
  }

  /** `<use href>` of an icon of the Bootstrap Italia sprite. */
  icon(name: string): string {
    return `${this.url('svg/sprites.svg')}#it-${name}`;
  }

  get(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }

  sizes(): Record<string, { raw: number; br: number | undefined; gz: number | undefined }> {
    const out: Record<string, { raw: number; br: number | undefined; gz: number | undefined }> = {};
    for (const [name, url] of this.urls) {
      const a = this.byUrl.get(url)!;
      out[name] = { raw: a.body.length, br: a.br?.length, gz: a.gz?.length };
    }
    return out;
  }

  async add(name: string, body: Buffer, opts: { fixedUrl?: string } = {}): Promise<void> {
    const ext = path.extname(name);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const url = opts.fixedUrl ?? `/static/${name.replace(/(\.[a-z0-9]+)$/, `.${hash}$1`)}`;
    const compressible = ['.css', '.js', '.svg', '.txt'].includes(ext);
    const [br, gz] = compressible
      ? await Promise.all([
          brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gzip(body, { level: 9 }),
        ])
      : [undefined, undefined];
    this.byUrl.set(url, { body, br, gz, type: TYPES[ext] ?? 'application/octet-stream', etag: `"${hash}"` });
    this.urls.set(name, url);
  }
}

async function bundle(entry: string): Promise<Buffer> {
  const result = await build({
    entryPoints: [path.join(CLIENT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0]!.contents);
}

// Bootstrap Italia's CSS without its source-map comment and without the VideoJS icon font (a data: URL the
// CSP would block; we ship no video player). Its `--bootstrap-italia-version` custom property is written with single
// quotes, which the AGID validator cannot read (it strips only double quotes): it is rewritten with double quotes.
export const trimBootstrapCss = (b: Buffer) =>
  Buffer.from(
    b
      .toString('utf8')
      .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '')
      .replace(/@font-face\{font-family:VideoJS;[^}]*\}/g, '')
      .replace(/--bootstrap-italia-version:\s*'([^']*)'/g, '--bootstrap-italia-version: "$1"'),
  );

export async function buildAssets(): Promise<AssetStore> {
  const store = new AssetStore();
  const fontsCss = readFileSync(path.join(CLIENT, 'styles/fonts.css'), 'utf8').replaceAll('{{FONT_BASE}}', store.fontBase);
  // wemi.css first, then one stylesheet per feature (styles/<feature>.css), in name order.
  const featureCss = readdirSync(path.join(CLIENT, 'styles'))
    .filter((f) => f.endsWith('.css') && f !== 'fonts.css' && f !== 'wemi.css')
    .sort()
    .map((f) => readFileSync(path.join(CLIENT, 'styles', f), 'utf8'));
  const wemiCss = [fontsCss, readFileSync(path.join(CLIENT, 'styles/wemi.css'), 'utf8'), ...featureCss].join('\n');
  await Promise.all([
    store.add('css/bootstrap-italia.css', trimBootstrapCss(readFileSync(path.join(BI_DIST, 'css/bootstrap-italia.min.css')))),
    store.add('css/wemi.css', Buffer.from(wemiCss)),
    store.add('css/leaflet.css', readFileSync(path.join(ROOT, 'node_modules/leaflet/dist/leaflet.css'))),
    store.add('svg/sprites.svg', readFileSync(path.join(BI_DIST, 'svg/sprites.svg'))),
    // The logo and the illustrations drawn for WeMi (every src/client/img/*.svg).
    ...readdirSync(path.join(CLIENT, 'img'))
      .filter((f) => f.endsWith('.svg'))
      .map((f) => store.add(`img/${f}`, readFileSync(path.join(CLIENT, 'img', f)))),
    bundle('main.ts').then((b) => store.add('js/main.js', b)),
    bundle('map.ts').then((b) => store.add('js/map.js', b)),
  ]);
  // Web fonts (woff2 and woff only), under a path versioned by the Bootstrap Italia release.
  const fontDirs = readdirSync(path.join(BI_DIST, 'fonts'));
  for (const dir of fontDirs) {
    for (const file of readdirSync(path.join(BI_DIST, 'fonts', dir))) {
      if (!/\.(woff2?)$/.test(file)) continue;
      await store.add(`fonts/${dir}/${file}`, readFileSync(path.join(BI_DIST, 'fonts', dir, file)), {
        fixedUrl: `${store.fontBase}/${dir}/${file}`,
      });
    }
  }
  return store;
}

export function registerAssetRoutes(app: FastifyInstance, store: AssetStore): void {
  app.get('/static/*', { config: { access: 'public' }, compress: false }, async (request, reply) => {
    const url = request.url.split('?')[0]!;
    const asset = store.get(url);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const accept = String(request.headers['accept-encoding'] ?? '');
    if (asset.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
    if (asset.gz && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gz);
    return reply.send(asset.body);
  });
}
