import type { AppDeps } from '../container';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { declareDecisionCount } from './declare-decision-count';
import { MAX_DISCLOSURES_PER_CALL } from './disclosures.domain';
import { declaredCountBody, declaredCountResponse, listResponse, publishBody, publishResponse, timelinessQuery, timelinessResponse } from './disclosures.schemas';
import { listDisclosures } from './list-disclosures';
import { publishDisclosures } from './publish-disclosures';
import { disclosureTimeliness } from './timeliness';

export function disclosuresRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/disclosures',
      operationId: 'publishDisclosures',
      summary: `双公示：部门报送行政许可、行政处罚决定（每次 1–${MAX_DISCLOSURES_PER_CALL} 条，逐条校验，按 sourceId 幂等；超过 7 个工作日的标记迟报）`,
      tag: 'disclosures',
      auth: ['department'],
      body: publishBody,
      bodyLimit: '2mb',
      response: publishResponse,
      errors: ['ORG_SUSPENDED', 'PAYLOAD_TOO_LARGE', 'BUSY'],
      handle: ({ principal, body }) => publishDisclosures({ ...deps, idHashPepper: deps.config.idHashPepper }, principal.orgId, body.items),
    }),
    route({
      method: 'get',
      path: '/api/disclosures',
      operationId: 'listDisclosures',
      summary: '本部门报送的双公示决定（最新在前），含迟报标记和公示截止时间',
      tag: 'disclosures',
      auth: ['department'],
      query: listQuery,
      response: listResponse,
      handle: ({ principal, query }) => listDisclosures(deps, principal.orgId, query),
    }),
    route({
      method: 'put',
      path: '/api/disclosures/declared-counts',
      operationId: 'declareDisclosureDecisionCount',
      summary: '部门申报某月作出的许可和处罚决定总数（用于统计漏报）',
      tag: 'disclosures',
      auth: ['department'],
      body: declaredCountBody,
      response: declaredCountResponse,
      errors: ['ORG_SUSPENDED'],
      handle: ({ principal, body }) => declareDecisionCount(deps, principal.orgId, body),
    }),
    route({
      method: 'get',
      path: '/api/admin/disclosures/timeliness',
      operationId: 'getDisclosureTimeliness',
      summary: '双公示及时性：各部门按决定月份的按时、迟报和漏报数（近 N 个月）',
      tag: 'disclosures',
      auth: ['admin'],
      query: timelinessQuery,
      response: timelinessResponse,
      handle: ({ query }) => disclosureTimeliness(deps, query.months),
    }),
  ];
}
