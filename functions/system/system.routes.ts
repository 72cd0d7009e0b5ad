import { z } from 'zod';
import type { AppDeps } from '../container';
import { buildOpenApi } from '../shared/http/openapi';
import { route, type AnyRoute } from '../shared/http/route';
import { checkHealth } from './check-health';

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
});

/** `allRoutes` is read lazily so the OpenAPI document describes every mounted route, itself included. */
export function systemRoutes(deps: AppDeps, allRoutes: () => AnyRoute[]): AnyRoute[] {
  let openapi: unknown;
  return [
    route({
      method: 'get',
      path: '/api/health',
      summary: '健康检查（真实读取数据库）',
      tag: 'system',
      auth: 'public',
      response: healthResponse,
      handle: async ({ res, log }) => {
        const health = await checkHealth(deps, deps.config.version);
        if (health.database !== 'ok') {
          log.warn('health check failed: database unreachable');
          res.status(503).json(health);
          return undefined;
        }
        return health;
      },
    }),
    route({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'OpenAPI 文档',
      tag: 'system',
      auth: 'public',
      handle: async () => {
        openapi ??= buildOpenApi(allRoutes(), { version: deps.config.version });
        return openapi;
      },
    }),
  ];
}
