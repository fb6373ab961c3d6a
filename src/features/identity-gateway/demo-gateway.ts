import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../../config';
import { paths } from '../../web/paths';

// A stand-in for the City's SPID/CIE identity gateway, for development, demos and tests: a real OpenID
// Connect provider (oidc-provider) on its own HTTP server, with a handful of fictional citizens. The
// application talks to it exactly as to the real gateway (discovery, authorization code + PKCE, client
// secret, signed ID token, userinfo). Everything is generated at start-up (signing key, cookie key), so it
// works offline and keeps nothing between runs. Never started in production (src/config.ts refuses it).

export interface DemoCitizen {
  /** Codice fiscale (the gateway sends it as `fiscal_number` with the "TINIT-" prefix, as SPID does). */
  fiscalCode: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** SPID identities may have no e-mail address. */
  email: string | null;
}

/** Fictional people; the codici fiscali follow the real rules (check character included). */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { fiscalCode: 'RSSMRA80A01F205X', givenName: 'Mario', familyName: 'Rossi', birthDate: '1980-01-01', email: 'mario.rossi@esempio.it' },
  { fiscalCode: 'BNCGLI92L55F205A', givenName: 'Giulia', familyName: 'Bianchi', birthDate: '1992-07-15', email: 'giulia.bianchi@esempio.it' },
  { fiscalCode: 'CLMFNC87S63F205F', givenName: 'Francesca', familyName: 'Colombo', birthDate: '1987-11-23', email: 'francesca.colombo@esempio.it' },
  { fiscalCode: 'SPSGPP55C12F839K', givenName: 'Giuseppe', familyName: 'Esposito', birthDate: '1955-03-12', email: null },
  { fiscalCode: 'CHNWEI90E08Z210W', givenName: 'Wei', familyName: 'Chen', birthDate: '1990-05-08', email: 'wei.chen@esempio.it' },
];

export interface DemoIdentityGatewayOptions {
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on; default: every interface (IPv4 and IPv6), so `localhost` works either way. */
  host?: string | undefined;
  /**
   * Issuer identifier; default `http://localhost:<port>` (`http://127.0.0.1:<port>` when host is 127.0.0.1).
   * Must be reachable by the browser and by the application.
   */
  issuer?: string | undefined;
  clientId: string;
  clientSecret: string;
  /** The application's callback address (`PUBLIC_BASE_URL` + /accedi/oidc/callback). */
  redirectUri: string;
  citizens?: readonly DemoCitizen[];
  /** Where unexpected provider errors go; default console.error. */
  onError?: (err: unknown) => void;
}

export interface DemoIdentityGateway {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const SCOPE = 'openid profile email';

/** Stable, opaque subject identifier of a citizen (the gateway never uses the codice fiscale as `sub`). */
export const demoSubject = (fiscalCode: string) => createHash('sha256').update(`wemi-demo-gateway:${fiscalCode}`).digest('base64url').slice(0, 24);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const methodLabel = (hint: unknown) => (hint === 'cie' ? "CIE – Carta d'Identità Elettronica" : 'SPID – Sistema Pubblico di Identità Digitale');

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
.demo{background:#fff3cd;border:1px solid #b58100;padding:.75rem 1rem;border-radius:4px}
fieldset{border:1px solid #5c6f82;border-radius:4px;padding:1rem;margin:1rem 0}label{display:block;padding:.35rem 0}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:4px;border:2px solid #0066cc;cursor:pointer}
.primary{background:#0066cc;color:#fff}.secondary{background:#fff;color:#0066cc}.error{color:#b00020;font-weight:600}
:focus-visible{outline:3px solid #ff9900;outline-offset:2px}`;

function page(res: ServerResponse, status: number, title: string, body: string, formAction: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  // form-action also covers the redirects that follow a form submission (back to the application).
  res.setHeader('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${formAction}; frame-ancestors 'none'; base-uri 'none'`);
  res.end(`<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – Gateway di identità dimostrativo</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`);
}

async function readForm(req: IncomingMessage, limit = 8 * 1024): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('Form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

type Payload = Record<string, unknown>;

/**
 * Where the gateway keeps its short-lived state (interactions, sessions, codes, tokens, grants): memory of
 * this instance, on purpose (a demo, one process). The storage contract of oidc-provider's adapters.
 */
function inMemoryAdapter() {
  const store = new Map<string, { payload: Payload; expiresAt: number }>();
  const byGrant = new Map<string, Set<string>>();
  const read = (key: string): Payload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  };
  return class DemoGatewayAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    private findBy(field: string, value: string): Payload | undefined {
      for (const key of store.keys()) {
        if (!key.startsWith(`${this.model}:`)) continue;
        const payload = read(key);
        if (payload?.[field] === value) return payload;
      }
      return undefined;
    }
    async upsert(id: string, payload: Payload, expiresIn: number): Promise<void> {
      if (store.size > 10_000) sweep();
      const key = this.key(id);
      store.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
      if (typeof payload.grantId === 'string') {
        const keys = byGrant.get(payload.grantId) ?? new Set<string>();
        keys.add(key);
        byGrant.set(payload.grantId, keys);
      }
    }
    async find(id: string): Promise<Payload | undefined> {
      return read(this.key(id));
    }
    async findByUid(uid: string): Promise<Payload | undefined> {
      return this.findBy('uid', uid);
    }
    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return this.findBy('userCode', userCode);
    }
    async consume(id: string): Promise<void> {
      const payload = read(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of byGrant.get(grantId) ?? []) store.delete(key);
      byGrant.delete(grantId);
    }
  };
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1'] as const;

/**
 * The callback address under both usual names of this machine when it is on this machine; else the address alone.
 * (Not `[::1]`: the login page's Content Security Policy, whose form-action lists these origins, cannot name it.)
 */
export function loopbackAliases(redirectUri: string): string[] {
  const url = new URL(redirectUri);
  if (!(LOOPBACK_NAMES as readonly string[]).includes(url.hostname)) return [redirectUri];
  return [redirectUri, ...LOOPBACK_NAMES.filter((h) => h !== url.hostname).map((h) => {
    const alias = new URL(redirectUri);
    alias.hostname = h;
    return alias.href;
  })];
}

/** Starts the demo gateway on its own HTTP server. */
export async function startDemoIdentityGateway(opts: DemoIdentityGatewayOptions): Promise<DemoIdentityGateway> {
  const citizens = opts.citizens ?? DEMO_CITIZENS;
  const bySubject = new Map(citizens.map((c) => [demoSubject(c.fiscalCode), c]));
  const onError = opts.onError ?? ((err: unknown) => console.error('demo identity gateway:', err));
  // On this machine the site answers as localhost and 127.0.0.1 alike, and sends the browser back to the
  // address it was opened at (callbackBase in oidc.client.ts): each of them is a registered callback.
  const redirectUris = loopbackAliases(opts.redirectUri);
  const appOrigin = [...new Set(redirectUris.map((u) => new URL(u).origin))].join(' ');

  // The provider needs its issuer, which needs the port: listen first, then build the provider.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // A numeric loopback address stays as given (no IPv4/IPv6 guessing for `localhost`); otherwise localhost.
  const issuer = opts.issuer ?? `http://${opts.host === '127.0.0.1' ? '127.0.0.1' : 'localhost'}:${port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  let provider!: Provider;
  const configuration: Configuration = {
    adapter: inMemoryAdapter(),
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'birthdate', 'fiscal_number'],
      email: ['email', 'email_verified'],
    },
    // PKCE for every client, confidential ones included.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    // Which identity system the application asked for; anything else is a malformed request.
    extraParams: {
      idp_hint(_ctx, value) {
        if (value !== undefined && value !== 'spid' && value !== 'cie') throw new errors.InvalidRequest("idp_hint must be 'spid' or 'cie'");
      },
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const c = bySubject.get(sub);
      if (!c) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          given_name: c.givenName,
          family_name: c.familyName,
          birthdate: c.birthDate,
          fiscal_number: `TINIT-${c.fiscalCode}`,
          ...(c.email ? { email: c.email, email_verified: true } : {}),
        }),
      };
    },
    // The City's own application: consent is implied (no consent screen), as at the real gateway.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      if (existing) {
        const grant = await provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Errore – Gateway di identità dimostrativo</title></head><body><main><h1>Richiesta non valida</h1><p>${esc(out.error)}${out.error_description ? `: ${esc(out.error_description)}` : ''}</p></main></body></html>`;
    },
  };
  provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, err) => onError(err));
  const providerHandler = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return page(res, 400, 'Sessione scaduta', '<h1>Sessione scaduta</h1><p>La richiesta di accesso è scaduta o non è valida. Torna al sito e ricomincia.</p>', appOrigin);
    }
    if (details.uid !== uid) return page(res, 400, 'Sessione non valida', '<h1>Sessione non valida</h1>', appOrigin);

    if (req.method === 'POST' && action === 'annulla') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The citizen cancelled the login' }, { mergeWithLastSubmission: false });
    }
    let problem = '';
    if (req.method === 'POST' && action === 'accedi') {
      const form = await readForm(req);
      const chosen = citizens.find((c) => c.fiscalCode === form.get('codice_fiscale'));
      if (chosen) {
        return provider.interactionFinished(req, res, { login: { accountId: demoSubject(chosen.fiscalCode) } }, { mergeWithLastSubmission: false });
      }
      problem = 'Scegli una persona di prova.';
    } else if (req.method !== 'GET' || action !== undefined) {
      res.statusCode = 405;
      return void res.end();
    }
    if (details.prompt.name !== 'login') {
      return page(res, 400, 'Richiesta non prevista', `<h1>Richiesta non prevista</h1><p>${esc(details.prompt.name)}</p>`, appOrigin);
    }

    const method = methodLabel(details.params.idp_hint);
    const base = `/interaction/${encodeURIComponent(uid)}`;
    const options = citizens
      .map(
        (c, i) =>
          `<label><input type="radio" name="codice_fiscale" value="${esc(c.fiscalCode)}"${i === 0 ? ' required' : ''}> ${esc(`${c.givenName} ${c.familyName}`)} – ${esc(c.fiscalCode)}${c.email ? '' : ' (senza e-mail)'}</label>`,
      )
      .join('');
    page(
      res,
      problem ? 400 : 200,
      'Accedi',
      `<p class="demo"><strong>Ambiente dimostrativo.</strong> Nessuna vera identità digitale: le persone sono inventate.</p>
<h1>Accedi con ${esc(method)}</h1>
${problem ? `<p class="error" role="alert">${esc(problem)}</p>` : ''}
<form method="post" action="${base}/accedi">
<fieldset><legend>Persona di prova</legend>${options}</fieldset>
<button type="submit" class="primary">Entra</button>
</form>
<form method="post" action="${base}/annulla"><button type="submit" class="secondary">Annulla e torna al sito</button></form>`,
      appOrigin,
    );
  }

  handle = (req, res) => {
    const pathname = new URL(req.url ?? '/', issuer).pathname;
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(accedi|annulla))?$/.exec(pathname);
    if (!match) return providerHandler(req, res);
    interaction(req, res, match[1]!, match[2]).catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The demo gateway for the running server: port DEMO_IDENTITY_GATEWAY_PORT (default PORT + 1), client id
 * OIDC_CLIENT_ID, a client secret made up for this process, the callback under PUBLIC_BASE_URL.
 */
export function demoIdentityGatewayOptions(config: Config): DemoIdentityGatewayOptions {
  const port = config.DEMO_IDENTITY_GATEWAY_PORT ?? (config.PORT === 0 ? 0 : config.PORT + 1);
  const anyAddress = config.HOST === '0.0.0.0' || config.HOST === '::';
  return {
    port,
    host: anyAddress ? undefined : config.HOST,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: randomBytes(32).toString('base64url'),
    redirectUri: `${config.publicBaseUrl}${paths.oidcCallback()}`,
  };
}

/**
 * Starts the demo gateway for the running server and returns the configuration that points the
 * application at it (OIDC_ISSUER_URL and OIDC_CLIENT_SECRET filled in).
 */
export async function startDemoIdentityGatewayFor(config: Config): Promise<{ gateway: DemoIdentityGateway; config: Config }> {
  const options = demoIdentityGatewayOptions(config);
  const gateway = await startDemoIdentityGateway(options);
  return { gateway, config: { ...config, OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_SECRET: options.clientSecret } };
}
