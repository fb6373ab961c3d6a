import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps';
import { notFound } from '../../lib/http/errors';
import { TOPICS, findTopic } from './topics.data';
import { presentTopic, presentTopicPage } from './topics.presenter';
import { listTopicCategories } from './topics.repository';
import { TopicPage, TopicsPage } from './topics.view';

// Topics ("Argomenti"): `/argomenti` lists every topic, `/argomenti/<slug>` shows the categories of one topic.

export function registerTopicRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const page = { config: { access: 'public' as const } };

  app.get('/argomenti', page, async (request, reply) => {
    const ctx = request.ctx;
    return reply.page(TopicsPage({ ctx, topics: TOPICS.map((t) => presentTopic(t, ctx.locale)) }));
  });

  app.get<{ Params: { slug: string } }>('/argomenti/:slug', page, async (request, reply) => {
    const ctx = request.ctx;
    const def = findTopic(request.params.slug);
    if (!def) throw notFound('Topic');
    const rows = await listTopicCategories(db, def.categories);
    const others = TOPICS.filter((t) => t !== def).map((t) => presentTopic(t, ctx.locale));
    return reply.page(TopicPage({ ctx, data: presentTopicPage(def, rows, ctx.locale), others }));
  });
}
