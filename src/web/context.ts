import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from '../i18n/i18n';
import { cookiesOf } from '../lib/http/csrf';
import type { Role } from '../lib/http/access';
import type { Html } from '../lib/jsx/jsx-runtime';
import type { AssetStore } from './assets';

/** What every page needs to render: language, translator, current URL, assets, settings. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path of the current page, without query string. */
  path: string;
  /** Query string of the current page, as received (without '?'). */
  search: string;
  csrfToken: string;
  assets: AssetStore;
  baseUrl: string;
  mapTileUrl: string;
  mapAttribution: string;
  /** The site's accessibility declaration on AGID's form site (ACCESSIBILITY_DECLARATION_URL), linked from the footer. */
  accessibilityDeclarationUrl: string;
  /**
   * The logged-in person (name for the header; idle expiry for the session warning; roles valid now and the enti
   * they act for, for the back offices' navigation), or null.
   */
  user: { name: string; idleExpiresAt: string; roles?: readonly Role[]; organizations?: readonly string[] } | null;
}

export const LANG_COOKIE = 'wemi_lang';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: PageContext;
  }
  interface FastifyReply {
    /** Sends a server-rendered page. */
    page(html: Html, status?: number): FastifyReply;
  }
}

export function registerPageContext(
  app: FastifyInstance,
  opts: { assets: AssetStore; baseUrl: string; mapTileUrl: string; mapAttribution: string; accessibilityDeclarationUrl: string; secureCookies: boolean },
): void {
  app.decorateRequest('ctx', null as unknown as PageContext);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url;
    const qIndex = url.indexOf('?');
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    let locale: Locale = DEFAULT_LOCALE;
    if (isLocale(queryLang)) {
      locale = queryLang;
      // Fastify appends set-cookie headers rather than replacing them.
      reply.header('set-cookie', `${LANG_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${opts.secureCookies ? '; Secure' : ''}`);
    } else {
      const fromCookie = cookiesOf(request)[LANG_COOKIE];
      if (isLocale(fromCookie)) locale = fromCookie;
    }
    request.ctx = {
      locale,
      t: translator(locale),
      path: qIndex < 0 ? url : url.slice(0, qIndex),
      search: qIndex < 0 ? '' : url.slice(qIndex + 1),
      get csrfToken() {
        return request.csrfToken;
      },
      assets: opts.assets,
      baseUrl: opts.baseUrl,
      mapTileUrl: opts.mapTileUrl,
      mapAttribution: opts.mapAttribution,
      accessibilityDeclarationUrl: opts.accessibilityDeclarationUrl,
      user: request.user
        ? {
            name: `${request.user.givenName} ${request.user.familyName}`.trim() || (request.user.email ?? ''),
            idleExpiresAt: request.user.session.idleExpiresAt.toISOString(),
            roles: request.user.roles,
            organizations: request.user.organizations.map((o) => o.id),
          }
        : null,
    };
  });
  app.decorateReply('page', function (this: FastifyReply, html: Html, status = 200) {
    return this.code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Cookie, Accept-Encoding')
      .send(`<!DOCTYPE html>${html.value}`);
  });
}
