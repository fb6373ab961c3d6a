import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from './access';
import { parseInput } from './validation';

// JSON API routes declared once: the Zod schemas validate the input (400 with per-field messages),
// and the same schemas document the route in the OpenAPI 3.1 document served at /api/v1/openapi.json.

export interface ApiRouteSpec<Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType> {
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  query?: Q;
  params?: P;
  response: R;
  /** 'catalogue': the answer depends only on the URL, the language and the public catalogue (src/lib/http/response-cache.ts). */
  cache?: 'catalogue';
  /** Extra documented responses, e.g. { 404: 'Service not found' }. */
  errors?: Record<number, string>;
}

interface Operation {
  method: 'get';
  path: string;
  spec: ApiRouteSpec<z.ZodType, z.ZodType, z.ZodType>;
}

export class OpenApiRegistry {
  readonly operations: Operation[] = [];

  document(info: { title: string; version: string; description: string; serverUrl: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const s = op.spec;
      const parameters: unknown[] = [];
      for (const [where, schema] of [['path', s.params], ['query', s.query]] as const) {
        if (!schema) continue;
        const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as {
          properties?: Record<string, Record<string, unknown>>;
          required?: string[];
        };
        for (const [name, prop] of Object.entries(json.properties ?? {})) {
          const { description, ...rest } = prop;
          parameters.push({
            name,
            in: where,
            required: where === 'path' || (json.required ?? []).includes(name),
            ...(description ? { description } : {}),
            schema: rest,
          });
        }
      }
      const errorResponses = Object.fromEntries(
        Object.entries({ 400: 'Invalid input', ...s.errors }).map(([code, description]) => [
          code,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      );
      (paths[op.path] ??= {})[op.method] = {
        operationId: s.operationId,
        summary: s.summary,
        ...(s.description ? { description: s.description } : {}),
        tags: s.tags,
        parameters,
        responses: {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: z.toJSONSchema(s.response, { io: 'output', unrepresentable: 'any' }) } },
          },
          ...errorResponses,
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: info.title, version: info.version, description: info.description, license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' } },
      servers: [{ url: info.serverUrl }],
      paths,
      components: {
        schemas: {
          Error: {
            type: 'object',
            required: ['error'],
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message'],
                properties: {
                  code: { type: 'string' },
                  message: { type: 'string' },
                  issues: {
                    type: 'array',
                    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
    };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    openapi: OpenApiRegistry;
  }
}

export function registerOpenApi(app: FastifyInstance): void {
  app.decorate('openapi', new OpenApiRegistry());
}

/** Registers a documented GET endpoint of the JSON API. */
export function apiGet<Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject, R extends z.ZodType = z.ZodType>(
  app: FastifyInstance,
  spec: ApiRouteSpec<Q, P, R>,
  handler: (input: { query: z.infer<Q>; params: z.infer<P>; request: FastifyRequest; reply: FastifyReply }) => Promise<z.input<R>>,
): void {
  app.openapi.operations.push({ method: 'get', path: spec.url.replace(/:(\w+)/g, '{$1}'), spec: spec as ApiRouteSpec<z.ZodType, z.ZodType, z.ZodType> });
  app.get(spec.url, { config: { access: spec.access, ...(spec.cache ? { cache: spec.cache } : {}) } }, async (request, reply) => {
    const t = request.ctx.t;
    const query = spec.query ? parseInput(spec.query, request.query, t) : ({} as z.infer<Q>);
    const params = spec.params ? parseInput(spec.params, request.params, t) : ({} as z.infer<P>);
    const body = await handler({ query, params, request, reply });
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, max-age=60');
    return reply.header('access-control-allow-origin', '*').send(body);
  });
}
