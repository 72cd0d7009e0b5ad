import type { TaxGrade } from '../../functions/loans/loans.domain';
import type { EnterpriseRegistration } from '../../functions/registry/registry.domain';
import { revisionOf } from '../../functions/registry/revision';
import { randomUscc } from './people';
import type { TestApp } from './test-app';

/**
 * Puts a business into the enterprise registry (and, when given, a tax grade for last year) as
 * the market-regulation and tax departments would have: fixtures for registration and loans.
 */
export async function inRegistry(
  t: TestApp,
  entry: Partial<EnterpriseRegistration> = {},
  taxGrade?: { grade: TaxGrade; year?: number },
): Promise<EnterpriseRegistration> {
  const e: EnterpriseRegistration = {
    uscc: entry.uscc ?? randomUscc(),
    name: entry.name ?? '郑州测试科技有限公司',
    legalRepresentative: entry.legalRepresentative ?? '赵大海',
    establishedOn: entry.establishedOn ?? '2020-03-01',
    status: entry.status ?? 'active',
  };
  const receivedAt = new Date().toISOString();
  await t.deps.registry.putEntry({ ...e, department: 'org-dept-market', receivedAt, revision: revisionOf(receivedAt, 0, e) });
  if (taxGrade) {
    const g = { uscc: e.uscc, year: taxGrade.year ?? new Date().getFullYear() - 1, grade: taxGrade.grade };
    await t.deps.registry.putTaxGrade({ ...g, department: 'org-dept-tax', receivedAt, revision: revisionOf(receivedAt, 0, g) });
  }
  return e;
}
