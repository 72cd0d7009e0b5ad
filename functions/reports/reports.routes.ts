import { z } from 'zod';
import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { getMyReport } from './get-my-report';
import { ReportSigner } from './report-signer';
import { reportExpired } from './report-records';

const jwk = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), alg: z.literal('EdDSA'), use: z.literal('sig'), kid: z.string(), x: z.string() });

export function reportsRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/reports/me',
      summary: '我的信用报告（平台 Ed25519 签名，可跨地区核验）',
      tag: 'rights',
      auth: ['resident', 'enterprise'],
      response: z.object({ report: z.record(z.string(), z.unknown()), signature: z.string() }),
      errors: ['REAL_NAME_REQUIRED', 'NOT_REGISTERED'],
      handle: ({ principal }) => getMyReport(deps, principal),
    }),
    route({
      method: 'post',
      path: '/api/reports/verify',
      summary: '核验信用报告或信用核查报告：报告内容任何改动都会使签名失效（SIGNATURE），超过有效期的报告不再有效（EXPIRED）',
      tag: 'rights',
      auth: 'public',
      body: z.strictObject({ report: z.record(z.string(), z.unknown()), signature: z.string().max(200) }),
      bodyLimit: '256kb',
      response: z.object({
        valid: z.boolean(),
        reason: z.enum(['SIGNATURE', 'EXPIRED']).optional().describe('why not valid: SIGNATURE (changed, or not ours) is checked before EXPIRED'),
        keyId: z.string().optional(),
        issuer: z.string().optional(),
        issuedAt: z.string().optional(),
        validUntil: z.string().optional(),
        reportType: z.string().optional().describe('person, enterprise (credit reports) or credit-check (a department\'s 信用核查)'),
      }),
      handle: async ({ body }) => {
        if (!ReportSigner.verify(body.report, body.signature, [deps.reports.publicJwk])) return { valid: false, reason: 'SIGNATURE' as const };
        const r = body.report as { keyId?: unknown; issuer?: unknown; issuedAt?: unknown; validUntil?: unknown; reportType?: unknown };
        const signed = {
          keyId: String(r.keyId),
          issuer: String(r.issuer),
          issuedAt: String(r.issuedAt),
          ...(typeof r.validUntil === 'string' ? { validUntil: r.validUntil } : {}),
          ...(typeof r.reportType === 'string' ? { reportType: r.reportType } : {}),
        };
        if (reportExpired(body.report, deps.clock.now())) return { valid: false, reason: 'EXPIRED' as const, ...signed };
        return { valid: true, ...signed };
      },
    }),
    route({
      method: 'get',
      path: '/api/.well-known/credit-report-keys',
      summary: '信用报告签名公钥（JWK）',
      tag: 'rights',
      auth: 'public',
      response: z.object({ issuer: z.string(), keys: z.array(jwk) }),
      handle: async () => ({ issuer: '管城回族区社会信用体系建设中心', keys: [deps.reports.publicJwk] }),
    }),
  ];
}
