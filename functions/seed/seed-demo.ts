import type { IdentityRepository } from '../identity/identity.repository';
import type { PointsRepository } from '../points/points.repository';
import { hashIdNumber } from '../shared/domain/id-hash';
import { maskIdNumber } from '../shared/domain/identifiers';
import { DEMO_CREATED_AT, demoOrgs, demoUsers } from './demo-data';

export interface SeedReport {
  created: number;
  kept: number;
}

/**
 * Seeds the demo identities and data idempotently.
 * 1. Put each organisation, user and points projection only if it is absent.
 * 2. Anything already there — including everything users changed or created — is left alone,
 *    so a second start changes nothing.
 */
export async function seedDemo(
  deps: { identities: IdentityRepository; points: PointsRepository },
  pepper: string,
): Promise<SeedReport> {
  const report: SeedReport = { created: 0, kept: 0 };
  const count = (created: boolean) => (created ? report.created++ : report.kept++);
  for (const org of demoOrgs) count(await deps.identities.putOrgIfAbsent(org));
  for (const u of demoUsers) {
    const { idNumber, dimensions, ...user } = u;
    const realName = idNumber
      ? { idHash: hashIdNumber(idNumber, pepper), maskedIdNumber: maskIdNumber(idNumber) }
      : {};
    count(await deps.identities.putUserIfAbsent(
      { ...user, ...(idNumber ? { realNameVerifiedAt: DEMO_CREATED_AT, maskedIdNumber: realName.maskedIdNumber } : {}) },
      realName,
    ));
    if (dimensions) count(await deps.points.putIfAbsent({ userId: u.id, dimensions, updatedAt: DEMO_CREATED_AT }));
  }
  return report;
}
