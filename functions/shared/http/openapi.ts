import { z } from 'zod';
import type { AnyRoute } from './route';

/**
 * The OpenAPI 3.0 document, generated from the same route declarations and zod schemas that
 * validate requests. Partners integrate against it, so it must stay clean under
 * `redocly lint` (recommended rules): every operation has an operationId, its security and its
 * 4XX responses — all derived here from the route declaration, so a new route gets them too
 * (test/integration/system/openapi-lint.test.ts lints the served document).
 */
const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('一句中文说明'),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

/**
 * zod → JSON Schema, with two repairs: per-record bodies declare their item schema as
 * `.meta({ items: schema })` (the use case validates each record and reports rejects by index),
 * which would otherwise leak the zod object (`def`, `shape`) into the document; and
 * `z.unknown().nullable()` yields a `nullable` without a `type`, which OpenAPI 3.0 ignores.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as Record<string, unknown>;
      if (json.items instanceof z.ZodType) json.items = toSchema(json.items, io);
      if (json.nullable && json.type === undefined && !json.$ref && !json.anyOf && !json.oneOf && !json.allOf) delete json.nullable;
    },
  }) as Record<string, unknown>;
}

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

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * `get /api/orgs/:id/staff` → `getOrgsByIdStaff`: unique because method and path are, and stable
 * as long as the route is; a route may name itself with `operationId` instead.
 */
export function operationIdOf(r: Pick<AnyRoute, 'method' | 'path' | 'operationId'>): string {
  if (r.operationId) return r.operationId;
  const words = r.path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return r.method + words.map(capitalise).join('');
}

/** Who may call: public operations say so with `security: []`; optional ones accept either. */
function security(auth: AnyRoute['auth']) {
  if (auth === 'public') return [];
  if (auth === 'optional') return [{}, { bearer: [] }];
  return [{ bearer: [] }];
}

/** Codes whose status is the same on every route; a route's other codes go under `4XX`. */
const GENERAL_STATUS: Record<string, string> = {
  VALIDATION_FAILED: '400',
  UNAUTHENTICATED: '401',
  FORBIDDEN: '403',
  NOT_FOUND: '404',
  RATE_LIMITED: '429',
};

function errorResponses(r: AnyRoute): Record<string, unknown> {
  const hasInput = Boolean(r.body || r.query || r.params);
  const codes = new Set<string>([
    ...(hasInput ? ['VALIDATION_FAILED'] : []),
    ...(r.auth === 'public' ? [] : ['UNAUTHENTICATED']),
    ...(r.auth === 'public' || r.auth === 'optional' ? [] : ['FORBIDDEN']),
    ...(r.rateLimit ? ['RATE_LIMITED'] : []),
    ...(r.errors ?? []),
  ]);
  const content = { 'application/json': { schema: toSchema(errorSchema, 'output') } };
  const byStatus = new Map<string, string[]>();
  for (const code of codes) {
    const status = GENERAL_STATUS[code] ?? '4XX';
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  if (r.body) byStatus.set('415', ['UNSUPPORTED_MEDIA_TYPE']);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a.localeCompare(b))) {
    responses[status] = { description: `错误码：${list.join(', ')}`, content };
  }
  // Any operation can meet an unknown path segment or a method it lacks.
  if (Object.keys(responses).length === 0) responses['4XX'] = { description: '请求有误（如路径不存在）', content };
  responses.default = { description: '服务端错误：INTERNAL（500，附 requestId）、SERVICE_UNAVAILABLE（503，可稍后重试）', content };
  return responses;
}

export function buildOpenApi(routes: AnyRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(r.status ?? 200);
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: operationIdOf(r),
      summary: r.summary,
      tags: [r.tag],
      security: security(r.auth),
      ...(Array.isArray(r.auth) ? { 'x-roles': r.auth } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } }
        : {}),
      responses: {
        [status]: {
          description: 'OK',
          ...(r.response ? { content: { 'application/json': { schema: toSchema(r.response, 'output') } } } : {}),
        },
        ...errorResponses(r),
      },
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
