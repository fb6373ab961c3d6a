// oidc-provider ships JavaScript only: the few parts the demo identity gateway uses, typed by hand.
declare module 'oidc-provider' {
  type Req = import('node:http').IncomingMessage;
  type Res = import('node:http').ServerResponse;

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): AccountClaims | Promise<AccountClaims>;
  }

  export interface Grant {
    readonly jti: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string };
    grantId?: string;
    returnTo: string;
  }

  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    status: number;
    oidc: {
      provider: Provider;
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      params?: Record<string, unknown>;
    };
  }

  export type InteractionResult =
    | { login?: { accountId: string; acr?: string; amr?: string[] }; consent?: { grantId: string } }
    | { error: string; error_description?: string };

  /** The configuration keys the demo uses; oidc-provider accepts many more. */
  export interface Configuration {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    responseTypes?: string[];
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: unknown) => boolean };
    features?: Record<string, { enabled: boolean; [option: string]: unknown }>;
    cookies?: { keys?: (string | Buffer)[]; [option: string]: unknown };
    jwks?: { keys: Record<string, unknown>[] };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: unknown) => Promise<Account | undefined> | Account | undefined;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    extraParams?: string[] | Record<string, ((ctx: KoaContextWithOIDC, value: string | undefined, client: unknown) => void | Promise<void>) | null>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: { uid: string }) => string | Promise<string> };
    ttl?: Record<string, number>;
    renderError?: (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }, error: Error) => void | Promise<void>;
    [option: string]: unknown;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantConstructor;
    callback(): (req: Req, res: Res) => void;
    interactionDetails(req: Req, res: Res): Promise<InteractionDetails>;
    interactionFinished(req: Req, res: Res, result: InteractionResult, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    InvalidRequest: new (description?: string) => Error;
    SessionNotFound: new (description?: string) => Error;
  };
}
