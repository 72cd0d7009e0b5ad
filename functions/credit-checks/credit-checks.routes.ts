import { z } from 'zod';
import type { AppDeps } from '../container';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { MAX_SUBJECTS_PER_CHECK } from './credit-checks.domain';
import { creditCheckBody, creditCheckResponse, creditChecksPage } from './credit-checks.schemas';
import { getCreditCheck } from './get-credit-check';
import { listCreditChecks } from './list-credit-checks';
import { runCreditCheck } from './run-credit-check';

export function creditChecksRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/credit-checks',
      summary: `信用核查（政务用信）：按用途核查 1–${MAX_SUBJECTS_PER_CHECK} 家企业，逐家给出结论和原因，整份核查报告由平台签名；被核查企业的查询记录显示核查部门和用途`,
      tag: 'credit-checks',
      auth: ['department'],
      body: creditCheckBody,
      status: 201,
      response: creditCheckResponse,
      errors: ['INVALID_USCC', 'ORG_SUSPENDED'],
      handle: ({ principal, body }) => runCreditCheck(deps, principal, body),
    }),
    route({
      method: 'get',
      path: '/api/credit-checks',
      summary: '本部门的信用核查记录（最新在前）',
      tag: 'credit-checks',
      auth: ['department'],
      query: listQuery,
      response: creditChecksPage,
      handle: ({ principal, query }) => listCreditChecks(deps, principal, query),
    }),
    route({
      method: 'get',
      path: '/api/credit-checks/:id',
      summary: '本部门的一次信用核查：逐家结论和签名报告',
      tag: 'credit-checks',
      auth: ['department'],
      params: z.strictObject({ id: z.string().regex(/^cc-[0-9a-f-]{36}$/, '核查编号格式不正确') }),
      response: creditCheckResponse,
      errors: ['NOT_FOUND'],
      handle: ({ principal, params }) => getCreditCheck(deps, principal, params.id),
    }),
  ];
}
