import { z } from 'zod';
import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { listRules } from './list-rules';
import { publishCatalogueVersion } from './publish-catalogue-version';
import { publishVersionBody, rulesResponse, versionsResponse } from './rules.schemas';

export function rulesRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/rules',
      summary: '现行信用规则目录（清单制管理）',
      tag: 'rules',
      auth: 'public',
      response: rulesResponse,
      handle: () => listRules(deps),
    }),
    route({
      method: 'get',
      path: '/api/rules/versions',
      summary: '规则目录的全部版本',
      tag: 'rules',
      auth: ['admin'],
      response: versionsResponse,
      handle: async () => ({
        items: (await deps.rules.listVersions()).map((v) => ({
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          publishedAt: v.publishedAt,
          publishedBy: v.publishedBy,
          note: v.note,
          ruleCount: v.rules.length,
        })),
        nextCursor: null,
      }),
    }),
    route({
      method: 'post',
      path: '/api/rules/versions',
      summary: '发布新版规则目录',
      tag: 'rules',
      auth: ['admin'],
      body: publishVersionBody,
      bodyLimit: '512kb',
      status: 201,
      response: z.object({ version: z.number().int(), effectiveFrom: z.string() }),
      errors: ['VERSION_CONFLICT'],
      handle: ({ principal, body }) => publishCatalogueVersion(deps, principal.userId, body),
    }),
  ];
}
