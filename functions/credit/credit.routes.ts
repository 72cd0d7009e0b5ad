import { z } from 'zod';
import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { ingestCreditRecords, MAX_RECORDS_PER_CALL } from './ingest-credit-records';
import { DEPARTMENT_RECORD_STATES, listDepartmentRecords } from './list-department-records';
import { listQuery } from '../shared/http/pagination';
import { creditRecordSchema } from './record-validation';

// Each record is validated on its own inside the use case, so the body only needs to be a list.
const ingestBody = z.strictObject({
  records: z.array(z.unknown()).min(1, '至少报送 1 条记录').meta({ items: creditRecordSchema }),
});

export function creditRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/credit-records',
      summary: `部门报送信用记录（每次 1–${MAX_RECORDS_PER_CALL} 条，逐条校验，按 sourceId 幂等）`,
      tag: 'credit-records',
      auth: ['department'],
      body: ingestBody,
      bodyLimit: '1mb',
      response: z.object({
        accepted: z.number().int(),
        duplicates: z.number().int(),
        rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
      }),
      errors: ['TOO_MANY_RECORDS', 'PAYLOAD_TOO_LARGE', 'ORG_SUSPENDED'],
      handle: ({ principal, body }) =>
        ingestCreditRecords({ ...deps, idHashPepper: deps.config.idHashPepper }, principal.orgId, body.records),
    }),
    route({
      method: 'get',
      path: '/api/credit-records',
      summary: '本部门已报送的记录及其状态（最新在前）',
      tag: 'credit-records',
      auth: ['department'],
      query: listQuery,
      response: z.object({
        items: z.array(
          z.object({
            id: z.string(),
            sourceId: z.string(),
            ruleId: z.string(),
            title: z.string(),
            subjectType: z.enum(['person', 'enterprise']),
            subjectMasked: z.string().describe('a masked ID number, or the USCC'),
            occurredAt: z.string(),
            receivedAt: z.string(),
            severity: z.string().optional(),
            points: z.number().int(),
            state: z.enum(DEPARTMENT_RECORD_STATES).describe('waiting: the person has not signed up yet'),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
      handle: ({ principal, query }) => listDepartmentRecords(deps, principal.orgId, query),
    }),
  ];
}
