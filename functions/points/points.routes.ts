import type { AppDeps } from '../container';
import { grantConsent, listConsents, withdrawConsent } from '../identity/consents';
import { SENSITIVE_PI_CONSENT } from '../identity/consent-documents';
import { issueSession } from '../identity/issue-session';
import { verifyRealName } from '../identity/verify-real-name';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { z } from 'zod';
import { getMyPoints } from './get-my-points';
import { getMyTrend } from './get-my-trend';
import { listMyEvents } from './list-my-events';
import { eventsPage, pointsResponse, realNameBody, trendResponse } from './points.schemas';

const consentView = z.object({ type: z.string(), title: z.string(), version: z.string(), grantedAt: z.string(), withdrawnAt: z.string().optional(), active: z.boolean() });

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
      // The hottest read of the product needs no catalogue: its confirmation reads one item less.
      catalogues: false,
      handle: ({ principal, session }) => getMyPoints(deps, principal, session),
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
      summary: '个人敏感信息处理授权书（当前版本：全文与版本号；实名认证时回传 version）',
      tag: 'points',
      auth: 'public',
      response: z.object({
        type: z.literal('sensitive-pi'),
        version: z.string(),
        title: z.string(),
        text: z.string().describe('sections separated by a blank line; the first line of each is its heading'),
      }),
      handle: async () => SENSITIVE_PI_CONSENT,
    }),
    route({
      method: 'get',
      path: '/api/consents',
      summary: '我给出的授权（个人敏感信息处理）',
      tag: 'rights',
      auth: ['resident'],
      response: z.object({ items: z.array(consentView), nextCursor: z.null() }),
      handle: ({ principal }) => listConsents(deps, principal.userId),
    }),
    route({
      method: 'post',
      path: '/api/consents/sensitive-pi/withdrawal',
      summary: '撤回个人敏感信息处理授权（积分暂停计算和展示）',
      tag: 'rights',
      auth: ['resident'],
      response: consentView,
      errors: ['ALREADY_WITHDRAWN', 'NOT_FOUND'],
      handle: ({ principal }) => withdrawConsent(deps, principal.userId),
    }),
    route({
      method: 'post',
      path: '/api/consents/sensitive-pi',
      summary: '重新授权个人敏感信息处理',
      tag: 'rights',
      auth: ['resident'],
      body: z.strictObject({ consentVersion: z.string().min(1).max(20) }),
      status: 201,
      response: consentView,
      errors: ['CONSENT_OUTDATED', 'ALREADY_GRANTED', 'REAL_NAME_REQUIRED'],
      handle: ({ principal, body }) => grantConsent(deps, principal.userId, body.consentVersion),
    }),
    route({
      method: 'post',
      path: '/api/me/real-name',
      summary: '实名认证（姓名与身份证号码经身份核验服务比对）并同意个人敏感信息处理',
      tag: 'points',
      auth: ['resident'],
      body: realNameBody,
      response: z.object({
        realNameVerified: z.literal(true),
        maskedIdNumber: z.string(),
        name: z.string(),
        token: z.string().describe('a fresh session naming the new credit subject: the points are then read in one round trip'),
        expiresAt: z.string(),
      }),
      errors: ['INVALID_ID_NUMBER', 'CONSENT_OUTDATED', 'ALREADY_VERIFIED', 'RATE_LIMITED', 'IDENTITY_MISMATCH', 'IDENTITY_SERVICE_UNAVAILABLE', 'ID_NUMBER_TAKEN'],
      handle: async ({ principal, body, log }) => {
        const verified = await verifyRealName(d, principal.userId, body, log);
        const user = await deps.identities.getUser(principal.userId);
        // The new token carries the credit subject (see issue-session.ts); the old one stays valid until it expires.
        const { token, expiresAt } = await issueSession(deps.tokens, deps.clock, user!);
        return { ...verified, token, expiresAt };
      },
    }),
  ];
}
