import { readProjection } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { User } from '../identity/identity.types';
import { personalPoints } from '../points/points.engine';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { ResidentStanding } from './incentives.domain';

/** A resident's standing now: verified or not, points, active serious records. */
export async function residentStanding(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; clock: Clock },
  userId: string,
): Promise<{ user: User; standing: ResidentStanding }> {
  const user = await deps.identities.getUser(userId);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  if (!user.realNameVerifiedAt || !user.subjectKey) return { user, standing: { verified: false, points: 0, activeSerious: 0 } };
  const projection = await readProjection(deps, user.subjectKey);
  return {
    user,
    standing: {
      verified: true,
      points: personalPoints(projection?.delta ?? 0).points,
      activeSerious: projection?.activeNegatives.serious ?? 0,
    },
  };
}
