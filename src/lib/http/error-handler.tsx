import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { DEFAULT_LOCALE, translator } from '../../i18n/i18n';
import type { AssetStore } from '../../web/assets';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { ErrorSummary } from '../../web/components';
import { paths } from '../../web/paths';
import { AppError, ERRORS, type ErrorCode, type FieldIssue } from './errors';

// One handler for every error: JSON for API requests, an HTML page otherwise; never internals in a 5xx.

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media';
  if (status === 429) return 'too_many_requests';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}

function fallbackContext(request: FastifyRequest, assets: AssetStore, config: Config): PageContext {
  return {
    locale: DEFAULT_LOCALE,
    t: translator(DEFAULT_LOCALE),
    path: request.url.split('?')[0] ?? '/',
    search: '',
    csrfToken: request.csrfToken ?? '',
    assets,
    baseUrl: config.publicBaseUrl,
    mapTileUrl: config.MAP_TILE_URL,
    mapAttribution: config.MAP_ATTRIBUTION,
    accessibilityDeclarationUrl: config.ACCESSIBILITY_DECLARATION_URL,
    // Refused before the page context is made (CSRF, uploads): the header still shows who is signed in.
    user: request.user
      ? { name: `${request.user.givenName} ${request.user.familyName}`.trim() || (request.user.email ?? ''), idleExpiresAt: request.user.session.idleExpiresAt.toISOString() }
      : null,
  };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  issues: FieldIssue[],
  assets: AssetStore,
  config: Config,
): FastifyReply {
  const status = ERRORS[code].status;
  reply.header('cache-control', 'no-store');
  // A page that needs a login sends the visitor to log in (or to give the second factor) and back here.
  if (code === 'unauthorized' && !wantsJson(request)) {
    const back = request.method === 'GET' ? request.url : (request.url.split('?')[0] ?? '/');
    const target = request.pendingMfa ? paths.loginSecondFactor() : paths.login();
    return reply.redirect(`${target}?ritorno=${encodeURIComponent(back)}`, 303);
  }
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { code, message, ...(issues.length ? { issues } : {}) } });
  }
  const ctx = request.ctx ?? fallbackContext(request, assets, config);
  const { t } = ctx;
  const def = ERRORS[code];
  return reply.page(
    <Layout ctx={ctx} title={t(def.title)}>
      <PageHeader ctx={ctx} crumbs={[{ label: t(def.title) }]} title={t(def.title)} lead={t(def.body)} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-10 px-lg-4">
            <ErrorSummary ctx={ctx} issues={issues} />
            <p>
              <a class="btn btn-primary me-2" href={paths.home()}>
                {t('common.backHome')}
              </a>
              <a class="btn btn-outline-primary" href={paths.services()}>
                {t('header.searchLabel')}
              </a>
            </p>
          </div>
        </div>
      </div>
    </Layout>,
    status,
  );
}

export function registerErrorHandling(app: FastifyInstance, assets: AssetStore, config: Config): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return sendError(request, reply, error.code, error.message, error.issues, assets, config);
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendError(request, reply, 'internal', 'Internal error', [], assets, config);
    }
    // Framework errors with a 4xx status (malformed body, too large, bad content type): safe to describe.
    return sendError(request, reply, codeForStatus(status), error.message, [], assets, config);
  });
  app.setNotFoundHandler({ preHandler: undefined }, (request, reply) =>
    sendError(request, reply, 'not_found', 'Not found', [], assets, config),
  );
}
