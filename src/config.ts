import { z } from 'zod';

// Every setting the application reads, validated once at start-up.
// Documented in .env.example; nothing else reads process.env.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: bool.default(true),
  TRUST_PROXY: bool.default(false),
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  // Identity: the City's SPID/CIE gateway, spoken to as OpenID Connect.
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('wemi'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  DEMO_IDENTITY_GATEWAY: bool.optional(),
  DEMO_IDENTITY_GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CITIZEN_PASSWORD_LOGIN: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // The server secret of the forms' anti-forgery tokens bound to the session (src/lib/http/csrf.ts): the same on
  // every node, at least 32 characters, required in production.
  CSRF_SECRET: z.string().min(32, 'CSRF_SECRET must be at least 32 characters').optional(),
  // E-mail: SMTP when set (smtp://user:pass@host:587, smtps://…), otherwise .eml files under MAIL_DIR.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('WeMi Comune di Milano <noreply@wemi.comune.milano.it>'),
  MAIL_DIR: z.string().min(1).optional(),
  // Where bursts of failed logins are reported (decision 0004); unset: to the City staff who manage users.
  SECURITY_ALERT_EMAIL: z.email().optional(),
  // Accessibility: the declaration published on AGID's form site (https://form.agid.gov.it/view/<id>), linked from
  // every page's footer as the Designers Italia model and the AGID validator require.
  ACCESSIBILITY_DECLARATION_URL: z
    .url()
    .regex(/^https:\/\/form\.agid\.gov\.it\//, 'ACCESSIBILITY_DECLARATION_URL must be a page of https://form.agid.gov.it/')
    .default('https://form.agid.gov.it/view/00000000-0000-0000-0000-000000000000'),
});

export type Config = z.infer<typeof ConfigSchema> & {
  publicBaseUrl: string;
  /** The demo identity gateway runs in this process (development, no OIDC_ISSUER_URL). */
  demoIdentityGateway: boolean;
  mailDir: string;
  /** CSRF_SECRET, or (development and tests only) a fixed key. */
  csrfSecret: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && c.DEMO_IDENTITY_GATEWAY) {
    throw new ConfigError('Invalid configuration:\n  - DEMO_IDENTITY_GATEWAY: the demo identity gateway cannot run in production\nSee .env.example for every setting.');
  }
  if (c.NODE_ENV === 'production' && !c.CSRF_SECRET) {
    throw new ConfigError('Invalid configuration:\n  - CSRF_SECRET: required in production (at least 32 random characters, the same on every node)\nSee .env.example for every setting.');
  }
  if (c.OIDC_ISSUER_URL && !c.OIDC_CLIENT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  - OIDC_CLIENT_SECRET: required with OIDC_ISSUER_URL\nSee .env.example for every setting.');
  }
  return {
    ...c,
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    demoIdentityGateway: !c.OIDC_ISSUER_URL && (c.DEMO_IDENTITY_GATEWAY ?? c.NODE_ENV === 'development'),
    mailDir: c.MAIL_DIR ?? `${c.DATA_DIR.replace(/\/$/, '')}/mail`,
    csrfSecret: c.CSRF_SECRET ?? 'wemi-development-csrf-secret-not-for-production',
  };
}
