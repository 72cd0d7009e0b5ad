import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { getPassStatus } from './get-pass-status';
import {
  incentiveIdParams,
  incentiveInput,
  incentiveUpdate,
  incentiveView,
  incentivesResponse,
  passResponse,
  passStatusParams,
  passStatusResponse,
  redeemBody,
  redemptionResponse,
  redemptionsPage,
  redemptionsQuery,
} from './incentives.schemas';
import { issuePass } from './issue-pass';
import { listIncentives } from './list-incentives';
import { listRedemptions } from './list-redemptions';
import { redeemPass } from './redeem-pass';
import { saveIncentive } from './save-incentive';

export function incentivesRoutes(deps: AppDeps): AnyRoute[] {
  const d = { ...deps, passTtlSeconds: deps.config.passTtlSeconds };
  return [
    route({
      method: 'get',
      path: '/api/incentives',
      summary: '信易+ 场景（居民另附是否可享受、原因和剩余次数）',
      tag: 'incentives',
      auth: 'optional',
      response: incentivesResponse,
      handle: ({ principal, session }) => listIncentives(deps, principal, session),
    }),
    route({
      method: 'post',
      path: '/api/incentives/:id/passes',
      summary: '生成信易+ 凭证（60 秒有效，一次性）',
      tag: 'incentives',
      auth: ['resident'],
      params: incentiveIdParams,
      status: 201,
      response: passResponse,
      errors: ['NOT_ELIGIBLE', 'NOT_FOUND', 'RATE_LIMITED'],
      // A pass screen renews about once a minute; 30 a minute leaves room for several screens.
      rateLimit: { scope: 'pass', limit: 30, windowSeconds: 60, by: 'user' },
      handle: ({ principal, params, session }) => issuePass(d, principal, params.id, session),
    }),
    route({
      method: 'get',
      path: '/api/passes/:passId',
      summary: '我的凭证状态（出示页轮询，核销后显示已核验）',
      tag: 'incentives',
      auth: ['resident'],
      params: passStatusParams,
      response: passStatusResponse,
      errors: ['NOT_FOUND'],
      handle: ({ principal, params }) => getPassStatus(deps, principal.userId, params.passId),
    }),
    route({
      method: 'post',
      path: '/api/redemptions',
      summary: '商户核销凭证（扫码即核销）',
      tag: 'incentives',
      auth: ['merchant'],
      body: redeemBody,
      status: 201,
      response: redemptionResponse,
      errors: ['PASS_INVALID', 'PASS_EXPIRED', 'ORG_SUSPENDED', 'MERCHANT_NOT_IN_SCENARIO', 'PASS_USED', 'NOT_ELIGIBLE', 'QUOTA_EXHAUSTED'],
      handle: ({ principal, body, session }) => redeemPass(deps, principal, body.pass, session),
    }),
    route({
      method: 'get',
      path: '/api/redemptions',
      summary: '核销记录（商户：本单位，可按日期筛选；居民：本人）',
      tag: 'incentives',
      auth: ['merchant', 'resident'],
      query: redemptionsQuery,
      response: redemptionsPage,
      handle: ({ principal, query }) => listRedemptions(deps, principal, query),
    }),
    route({
      method: 'post',
      path: '/api/incentives',
      summary: '新建信易+ 场景（信用中心）',
      tag: 'incentives',
      auth: ['admin'],
      body: incentiveInput,
      status: 201,
      response: incentiveView,
      errors: ['INCENTIVE_EXISTS'],
      handle: ({ body }) => saveIncentive(deps, body),
    }),
    route({
      method: 'put',
      path: '/api/incentives/:id',
      summary: '修改信易+ 场景、分配商户（信用中心）',
      tag: 'incentives',
      auth: ['admin'],
      params: incentiveIdParams,
      body: incentiveUpdate,
      response: incentiveView,
      errors: ['EDIT_CONFLICT', 'NOT_FOUND'],
      handle: ({ params, body }) => saveIncentive(deps, { ...body, id: params.id }),
    }),
  ];
}
