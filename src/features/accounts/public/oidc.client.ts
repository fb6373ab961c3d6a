import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../../../config';
import { paths } from '../../../web/paths';

// The client side of the City's identity gateway. SPID and CIE reach the application as one standard
// OpenID Connect provider: authorization code flow with PKCE (S256), state and nonce, client secret at the
// token endpoint, ID token checked by openid-client (signature, issuer, audience, expiry, nonce).
// Nothing here keeps per-login state in memory: the pending login (state, nonce, PKCE verifier) is a row
// of `oidc_login`, so any app node can finish a login another node started.

export const IDENTITY_METHODS = ['spid', 'cie'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/** Authorization request parameter telling the gateway which identity system to offer. */
export const IDP_HINT_PARAM = 'idp_hint';
export const OIDC_SCOPE = 'openid profile email';
/** Seconds the gateway may take to answer one HTTP request (discovery, token, userinfo, keys). */
const HTTP_TIMEOUT_SECONDS = 10;

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Absolute callback address, registered at the gateway. */
  redirectUri: string;
}

/** The gateway is misconfigured (e.g. a plain-http issuer that is not this machine). */
export class OidcConfigurationError extends Error {}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `localhost` or `127.0.0.1`, with an optional port: this machine, whichever of its two usual names the browser used
 * (not `[::1]`: a Content Security Policy cannot name an IPv6 address, so the demo gateway could not send it back).
 */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/**
 * Where the gateway sends the browser back: PUBLIC_BASE_URL, except on a development machine, where the site answers
 * as http://localhost:3000 and as http://127.0.0.1:3000 alike: when the configured address and the address the
 * browser used are both this machine (and NODE_ENV is not production), the browser's own address, so that the
 * login comes back to the site it started from, with its cookies. Anywhere else the request's Host is never used.
 */
export function callbackBase(config: Pick<Config, 'publicBaseUrl' | 'NODE_ENV'>, request?: { protocol: string; host: string }): string {
  if (!request || config.NODE_ENV === 'production') return config.publicBaseUrl;
  const configured = new URL(config.publicBaseUrl);
  if (!LOOPBACK_HOST.test(configured.host) || !LOOPBACK_HOST.test(request.host)) return config.publicBaseUrl;
  if (request.protocol !== 'http' && request.protocol !== 'https') return config.publicBaseUrl;
  return `${request.protocol}://${request.host}`;
}

/**
 * The gateway settings, or null when login with SPID/CIE is not configured. Given the request, the callback address
 * follows the address the site was opened at on a development machine (callbackBase).
 */
export function oidcSettings(config: Config, request?: { protocol: string; host: string }): OidcSettings | null {
  if (!config.OIDC_ISSUER_URL || !config.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: new URL(config.OIDC_ISSUER_URL),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: `${callbackBase(config, request)}${paths.oidcCallback()}`,
  };
}

/** Plain http only for a gateway on this machine (the demo gateway, tests); anything else must be https. */
function allowsInsecureHttp(issuer: URL): boolean {
  if (issuer.protocol === 'https:') return false;
  if (issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname)) return true;
  throw new OidcConfigurationError(`OIDC_ISSUER_URL must use https (got ${issuer.protocol}//${issuer.host})`);
}

// Discovered gateway metadata, per process: public information (endpoints, supported algorithms), the
// same on every node, so caching it keeps the nodes stateless. openid-client caches the signing keys
// itself and fetches them again when the gateway rotates them. A failed discovery is not cached.
const configurations = new Map<string, Promise<client.Configuration>>();

export function gatewayConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const secretTag = createHash('sha256').update(settings.clientSecret).digest('base64url');
  const key = `${settings.issuer.href} ${settings.clientId} ${secretTag}`;
  let pending = configurations.get(key);
  if (!pending) {
    const insecure = allowsInsecureHttp(settings.issuer);
    pending = client.discovery(settings.issuer, settings.clientId, { client_secret: settings.clientSecret }, client.ClientSecretBasic(settings.clientSecret), {
      timeout: HTTP_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  return pending;
}

/** What the application keeps of a login it sends to the gateway (a row of `oidc_login`). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * A new login: random state, nonce and PKCE verifier. The state carries the method ('spid.' + random), so
 * the callback knows which one the person chose without trusting anything the gateway returns about it.
 */
export function newPendingLogin(method: IdentityMethod): PendingLogin {
  return { state: `${method}.${client.randomState()}`, nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/** The method encoded in a state, or null for a state this application did not make. */
export function methodOfState(state: string): IdentityMethod | null {
  const dot = state.indexOf('.');
  if (dot < 0) return null;
  const method = state.slice(0, dot);
  return (IDENTITY_METHODS as readonly string[]).includes(method) ? (method as IdentityMethod) : null;
}

/** The gateway's authorization address for a pending login. */
export async function authorizationUrl(
  configuration: client.Configuration,
  settings: OidcSettings,
  pending: PendingLogin,
  method: IdentityMethod,
  locale: string,
): Promise<URL> {
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    response_type: 'code',
    scope: OIDC_SCOPE,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    // Always a fresh authentication: after logging out of WeMi, the next person at the same computer
    // must not be let in by a session still open at the gateway.
    prompt: 'login',
    ui_locales: locale,
    [IDP_HINT_PARAM]: method,
  });
}

/**
 * Exchanges the authorization code: checks `state` (and `iss` when the gateway sends it), sends the PKCE
 * verifier and the client secret, validates the ID token (nonce included), then reads the userinfo
 * endpoint for the attributes a standard provider keeps out of the ID token. Returns the claims (those of
 * the signed ID token win over userinfo). Throws on any failure.
 */
export async function exchangeCode(
  configuration: client.Configuration,
  settings: OidcSettings,
  callbackQuery: string,
  pending: PendingLogin,
): Promise<Record<string, unknown>> {
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = callbackQuery;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('No ID token in the token response');
  let userinfo: Record<string, unknown> = {};
  if (configuration.serverMetadata().userinfo_endpoint) {
    userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
  }
  return { ...userinfo, ...idClaims };
}

// ---------------------------------------------------------------------------------------------------
// Claims → the person. SPID sends the codice fiscale as `fiscalNumber` with a "TINIT-" prefix; OpenID
// Connect gateways name it `fiscal_number` (or with the full attribute URI of the Italian OIDC profile).

const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/** Letters, digit positions (which omocodia may turn into letters L-V), month letter. */
const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** The check character (16th) of the first 15 characters of a codice fiscale. */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i]!;
    // Positions are 1-based in the rule: odd positions (index 0, 2 …) use the table, even ones the plain value.
    sum += i % 2 === 0 ? (ODD_VALUES[c] ?? 0) : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** A 16-character codice fiscale in upper case with the right check character. */
export function isValidFiscalCode(code: string): boolean {
  return FISCAL_CODE.test(code) && fiscalCodeCheckChar(code.slice(0, 15)) === code[15];
}

/** Normalises a claim value: trims, upper-cases, drops the "TINIT-" prefix; null when not a valid code. */
export function normalizeFiscalCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let code = raw.trim().toUpperCase();
  if (code.startsWith('TINIT-')) code = code.slice('TINIT-'.length);
  return isValidFiscalCode(code) ? code : null;
}

export interface CitizenIdentity {
  /** Codice fiscale, upper case, without prefix. */
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email: string | null;
  /** The gateway says it verified the address (`email_verified: true`). */
  emailVerified: boolean;
  /** YYYY-MM-DD */
  birthDate: string | null;
}

export type IdentityResult = { ok: true; identity: CitizenIdentity } | { ok: false; reason: 'missing_fiscal_code' | 'invalid_fiscal_code' };

const FISCAL_CLAIMS = ['fiscal_number', 'fiscalNumber', 'https://attributes.eid.gov.it/fiscal_number'] as const;

const text = (v: unknown, max = 100): string => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ').slice(0, max) : '');

const emailSchema = z.email().max(254);

function isoDate(v: unknown): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getTime() <= Date.now() ? v : null;
}

/** Maps the claims of the gateway to the person; the codice fiscale is required, the rest optional. */
export function identityFromClaims(claims: Record<string, unknown>): IdentityResult {
  const raw = FISCAL_CLAIMS.map((k) => claims[k]).find((v) => v !== undefined && v !== null && v !== '');
  if (raw === undefined) return { ok: false, reason: 'missing_fiscal_code' };
  const fiscalCode = normalizeFiscalCode(raw);
  if (!fiscalCode) return { ok: false, reason: 'invalid_fiscal_code' };
  // OpenID Connect names first; SPID attribute names (`name` is the given name there) as a fallback.
  const givenName = text(claims.given_name) || (claims.familyName !== undefined ? text(claims.name) : '');
  const familyName = text(claims.family_name) || text(claims.familyName);
  const email = emailSchema.safeParse(typeof claims.email === 'string' ? claims.email.trim() : undefined);
  return {
    ok: true,
    identity: {
      fiscalCode,
      givenName,
      familyName,
      email: email.success ? email.data.toLowerCase() : null,
      emailVerified: email.success && claims.email_verified === true,
      birthDate: isoDate(claims.birthdate) ?? isoDate(claims.dateOfBirth),
    },
  };
}
