import { z } from 'zod';
import type { AnyRoute } from './route';

/**
 * The OpenAPI 3.0 document, generated from the same route declarations and zod schemas that
 * validate requests.
 */
const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('一句中文说明'),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(routes: AnyRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: {
        description: 'OK',
        ...(r.response ? { content: { 'application/json': { schema: toSchema(r.response, 'output') } } } : {}),
      },
      default: {
        description: `错误。可能的错误码：${['VALIDATION_FAILED', ...(r.auth === 'public' ? [] : ['UNAUTHENTICATED', 'FORBIDDEN']), ...(r.errors ?? [])].join(', ')}`,
        content: { 'application/json': { schema: toSchema(errorSchema, 'output') } },
      },
    };
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === 'public' ? {} : { security: [{ bearer: [] }] }),
      ...(Array.isArray(r.auth) ? { 'x-roles': r.auth } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: '诚信管城 API', version: info.version },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
