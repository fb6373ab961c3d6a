import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { MULTIPART_FILE_LIMIT } from './lib/uploads';
import { followCatalogue } from './lib/catalogue-cache';
import { registerAccessControl } from './lib/http/access';
import { registerOpenApi } from './lib/http/api';
import { registerResponseCache } from './lib/http/response-cache';
import { registerCsrf } from './lib/http/csrf';
import { registerMultipartEdge } from './lib/http/multipart';
import { registerErrorHandling } from './lib/http/error-handler';
import { registerInputCleaning } from './lib/http/validation';
import { registerAssetRoutes } from './web/assets';
import { registerPageContext } from './web/context';
import { registerHealthRoutes } from './features/health/health.routes';
import { registerHomeRoutes } from './features/home/home.routes';
import { registerSearchRoutes } from './features/search/search.routes';
import { registerServiceRoutes } from './features/services/services.routes';
import { registerEntiRoutes } from './features/enti/enti.routes';
import { registerSpaziRoutes } from './features/spazi/spazi.routes';
import { registerSpaziCityRoutes } from './features/spazi/city/spazi-city.routes';
import { registerTaxonomyRoutes } from './features/taxonomy/taxonomy.routes';
import { registerCityServiceRoutes } from './features/city-services/city-services.routes';
import { registerContentPageRoutes } from './features/pages/pages.routes';
import { registerTopicRoutes } from './features/topics/topics.routes';
import { registerFeedbackRoutes } from './features/feedback/feedback.routes';
import { registerApiV1Routes } from './features/api-v1/api-v1.routes';
import { registerHsdsRoutes } from './features/hsds/hsds.routes';
import { presentedSession, registerSessions, sessionSettings } from './features/accounts/session';
import { registerLoginRoutes } from './features/accounts/public/login.routes';
import { registerOidcRoutes } from './features/accounts/public/oidc.routes';
import { registerEmailLinkRoutes } from './features/accounts/public/links.routes';
import { registerPersonalAreaRoutes } from './features/accounts/personal/personal.routes';
import { registerSecurityRoutes } from './features/accounts/security/security.routes';
import { registerRegistrationRoutes } from './features/accounts/public/register.routes';
import { registerCityUserRoutes } from './features/accounts/city/users.routes';
import { registerApplicationRoutes } from './features/enti-applications/applications.routes';
import { registerEnteCardRoutes } from './features/ente-backoffice/ente-card.routes';
import { registerEnteReviewRoutes } from './features/ente-backoffice/ente-revision.routes';
import { registerServiceCardRoutes } from './features/service-cards/service-cards.routes';
import { registerCardControlRoutes } from './features/service-cards/card-control.routes';
import { registerCatalogueAdminRoutes } from './features/catalogue-admin/catalogue-admin.routes';
import { registerCitizenRequestRoutes } from './features/requests/requests-citizen.routes';
import { registerEnteRequestRoutes } from './features/requests/requests-ente.routes';
import { registerConversationRoutes } from './features/conversations/conversations.routes';
import { registerReviewRoutes } from './features/reviews/reviews.routes';

import type { AppDeps } from './deps';

export type { AppDeps };

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    return503OnClosing: true,
  });
  const secureCookies = config.publicBaseUrl.startsWith('https://');
  // Catalogue caches hold only while this process hears every change (src/lib/catalogue-cache.ts).
  await followCatalogue(deps.db, () => app.log.warn('catalogue notifications lost: caches off until listening again')).catch((err: unknown) =>
    app.log.error({ err }, 'cannot listen for catalogue changes: caches off until listening starts'),
  );

  // 1. Cross-cutting plugins, in order.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', new URL(config.MAP_TILE_URL.replace(/\{[a-z]\}/g, 'a')).origin],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Multipart forms (uploads) only on the routes that declare `config.uploads`, checked (access, CSRF, size) before
  // a byte is read, then parsed with the route's limits onto request.body (src/lib/http/multipart.ts).
  await app.register(multipart, { throwFileSizeLimit: false, limits: { fileSize: MULTIPART_FILE_LIMIT, files: 10, fields: 200, fieldSize: 64 * 1024, parts: 220 } });
  registerMultipartEdge(app);

  registerErrorHandling(app, deps.assets, config);
  // Input cleaned once at the edge: no NUL character anywhere, no empty value in query strings (validation.ts).
  registerInputCleaning(app);
  registerCsrf(app, { secureCookies, publicBaseUrl: config.publicBaseUrl, secret: config.csrfSecret, sessionOf: presentedSession });
  registerPageContext(app, {
    assets: deps.assets,
    baseUrl: config.publicBaseUrl,
    mapTileUrl: config.MAP_TILE_URL,
    mapAttribution: config.MAP_ATTRIBUTION,
    accessibilityDeclarationUrl: config.ACCESSIBILITY_DECLARATION_URL,
    secureCookies,
  });
  // Sessions before access control: the access hook reads request.user.
  registerSessions(app, deps.db, sessionSettings(config));
  registerAccessControl(app);
  registerOpenApi(app);
  registerResponseCache(app, deps.db);

  // 2. Routes, feature by feature.
  registerAssetRoutes(app, deps.assets);
  registerHealthRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerServiceRoutes(app, deps);
  registerEntiRoutes(app, deps);
  registerSpaziRoutes(app, deps);
  registerSpaziCityRoutes(app, deps);
  registerTaxonomyRoutes(app, deps);
  registerCityServiceRoutes(app, deps);
  registerContentPageRoutes(app, deps);
  registerTopicRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerApiV1Routes(app, deps);
  registerHsdsRoutes(app, deps);
  registerLoginRoutes(app, deps);
  registerOidcRoutes(app, deps);
  registerEmailLinkRoutes(app, deps);
  registerPersonalAreaRoutes(app, deps);
  registerSecurityRoutes(app, deps);
  registerRegistrationRoutes(app, deps);
  registerCityUserRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerEnteCardRoutes(app, deps);
  registerEnteReviewRoutes(app, deps);
  registerServiceCardRoutes(app, deps);
  registerCardControlRoutes(app, deps);
  registerCatalogueAdminRoutes(app, deps);
  registerCitizenRequestRoutes(app, deps);
  registerEnteRequestRoutes(app, deps);
  registerConversationRoutes(app, deps);
  registerReviewRoutes(app, deps);

  return app;
}

export type { FastifyError };
