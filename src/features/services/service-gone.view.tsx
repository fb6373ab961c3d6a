import type { Html } from '../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../web/context';
import { Layout, PageHeader } from '../../web/layout';
import { Icon } from '../../web/components';
import { paths } from '../../web/paths';
import type { GoneServiceRow } from './services.repository';

/**
 * The page of a card that left the catalogue by control (answered with 410 Gone): suspended or withdrawn by the
 * City, or taken offline by its ente. It does not say which (that is between the City and the ente); it tells
 * the citizen that a request already sent continues, and where to look instead.
 */
export function ServiceGonePage(props: { ctx: PageContext; service: GoneServiceRow }): Html {
  const { ctx, service } = props;
  const { t } = ctx;
  const title = t('cardControl.gone.title');
  return (
    <Layout ctx={ctx} title={`${title}: ${service.name}`} section={paths.services()} head={<meta name="robots" content="noindex" />}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.services(), label: t('nav.services') }, { label: service.name }]} title={title} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8">
            <div class="callout warning" data-element="service-gone">
              <div class="callout-title">
                <Icon ctx={ctx} name="info-circle" />
                <span>{t('cardControl.gone.notice')}</span>
              </div>
              <p>{t('cardControl.gone.body', { name: service.name, ente: service.org_name })}</p>
            </div>
            <h2 class="h4 mt-4">{t('cardControl.gone.requestsTitle')}</h2>
            <p>{t('cardControl.gone.requests')}</p>
            <p>
              <a href={paths.myRequests()}>{t('cardControl.gone.myRequests')}</a>
            </p>
            <ul class="list-unstyled d-flex flex-wrap gap-3 mt-4">
              <li>
                <a class="btn btn-primary" href={service.type_slug ? paths.services({ tipo: service.type_slug }) : paths.services()}>
                  {service.type_slug ? t('cardControl.gone.similar') : t('cardControl.gone.all')}
                </a>
              </li>
              <li>
                <a class="btn btn-outline-primary" href={paths.ente(service.org_slug)}>
                  {t('cardControl.gone.ente', { ente: service.org_name })}
                </a>
              </li>
            </ul>
          </div>
        </div>
      </div>
    </Layout>
  );
}
