import { z } from 'zod';
import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { ingestCreditRecords, MAX_RECORDS_PER_CALL } from './ingest-credit-records';
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
      errors: ['TOO_MANY_RECORDS', 'PAYLOAD_TOO_LARGE'],
      handle: ({ principal, body }) =>
        ingestCreditRecords({ ...deps, idHashPepper: deps.config.idHashPepper }, principal.orgId, body.records),
    }),
  ];
}
