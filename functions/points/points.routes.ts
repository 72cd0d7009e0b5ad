import type { AppDeps } from '../container';
import { SENSITIVE_PI_CONSENT, verifyRealName } from '../identity/verify-real-name';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { z } from 'zod';
import { getMyPoints } from './get-my-points';
import { getMyTrend } from './get-my-trend';
import { listMyEvents } from './list-my-events';
import { eventsPage, pointsResponse, realNameBody, trendResponse } from './points.schemas';

export function pointsRoutes(deps: AppDeps): AnyRoute[] {
  const d = { ...deps, idHashPepper: deps.config.idHashPepper };
  return [
    route({
      method: 'get',
      path: '/api/points/me',
      summary: '我的信用积分',
      tag: 'points',
      auth: ['resident'],
      response: pointsResponse,
      errors: ['REAL_NAME_REQUIRED'],
      handle: ({ principal }) => getMyPoints(deps, principal.userId),
    }),
    route({
      method: 'get',
      path: '/api/points/me/events',
      summary: '构成我的积分的信用事件（新到旧）',
      tag: 'points',
      auth: ['resident'],
      query: listQuery,
      response: eventsPage,
      errors: ['REAL_NAME_REQUIRED'],
      handle: ({ principal, query }) => listMyEvents(deps, principal.userId, query),
    }),
    route({
      method: 'get',
      path: '/api/points/me/trend',
      summary: '近 12 个月积分走势',
      tag: 'points',
      auth: ['resident'],
      response: trendResponse,
      errors: ['REAL_NAME_REQUIRED'],
      handle: ({ principal }) => getMyTrend(deps, principal.userId),
    }),
    route({
      method: 'get',
      path: '/api/consents/sensitive-pi',
      summary: '个人敏感信息处理授权书（当前版本）',
      tag: 'points',
      auth: 'public',
      response: z.object({ type: z.string(), version: z.string() }),
      handle: async () => SENSITIVE_PI_CONSENT,
    }),
    route({
      method: 'post',
      path: '/api/me/real-name',
      summary: '实名认证并同意个人敏感信息处理',
      tag: 'points',
      auth: ['resident'],
      body: realNameBody,
      response: z.object({ realNameVerified: z.literal(true), maskedIdNumber: z.string(), name: z.string() }),
      errors: ['INVALID_ID_NUMBER', 'ID_NUMBER_TAKEN', 'ALREADY_VERIFIED', 'CONSENT_OUTDATED'],
      handle: ({ principal, body }) => verifyRealName(d, principal.userId, body),
    }),
  ];
}
