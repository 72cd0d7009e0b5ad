import type { EnterpriseRegistration, RegistryEntry, TaxGradeEntry, TaxGradeRating } from '../registry/registry.domain';
import { revisionOf } from '../registry/revision';
import { usccCheckChar } from '../shared/domain/identifiers';
import { DEMO_CREATED_AT, HUAXIN_USCC } from './demo-data';

const withCheck = (first17: string) => first17 + usccCheckChar(first17);

/** The business 吴昊 (ent-new) represents: in the enterprise registry, not yet registered in the app. */
export const NEW_BUSINESS_USCC = withCheck('91410104MA47WH5T2');
export const NEW_BUSINESS_NAME = '郑州管城新材料有限公司';
/** A business whose licence was revoked (吊销): it cannot be registered, and would lose its loans if it were. */
export const REVOKED_USCC = withCheck('91410104MA46HD8R1');

const DAY = 86_400_000;
const chinaDay = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The registries of the demo, as the market-regulation and tax departments would have sent them.
 * 吴昊's business was founded about 13 months before the first seeding (so 税易贷's 2 years in
 * business are not met yet) and has no tax grade yet (M); 华信 is rated A.
 */
export function demoRegistry(now: Date): { entries: RegistryEntry[]; taxGrades: TaxGradeEntry[] } {
  const entries: EnterpriseRegistration[] = [
    { uscc: HUAXIN_USCC, name: '郑州华信商贸有限公司', legalRepresentative: '周杰', establishedOn: '2015-06-18', status: 'active' },
    { uscc: NEW_BUSINESS_USCC, name: NEW_BUSINESS_NAME, legalRepresentative: '吴昊', establishedOn: chinaDay(now.getTime() - 400 * DAY), status: 'active' },
    { uscc: REVOKED_USCC, name: '郑州恒达建材有限公司', legalRepresentative: '郑立', establishedOn: '2012-04-09', status: 'revoked' },
  ];
  const taxGrades: TaxGradeRating[] = [{ uscc: HUAXIN_USCC, year: 2025, grade: 'A' }];
  const receivedAt = new Date(DEMO_CREATED_AT).toISOString();
  return {
    entries: entries.map((e, i) => ({ ...e, department: 'org-dept-market', receivedAt, revision: revisionOf(receivedAt, i, e) })),
    taxGrades: taxGrades.map((g, i) => ({ ...g, department: 'org-dept-tax', receivedAt, revision: revisionOf(receivedAt, i, g) })),
  };
}
