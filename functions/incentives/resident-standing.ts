import { readProjection } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { User } from '../identity/identity.types';
import { personalPoints } from '../points/points.engine';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { ResidentStanding } from './incentives.domain';
import { applicableMeasures, restrictionReasons } from '../measures/measures.domain';
import type { MeasuresRepository } from '../measures/measures.repository';

/** A resident's standing now: verified or not, points, and restrictions by listed measures. */
export async function residentStanding(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; measures: MeasuresRepository; clock: Clock },
  userId: string,
): Promise<{ user: User; standing: ResidentStanding }> {
  const user = await deps.identities.getUser(userId);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  if (!user.realNameVerifiedAt || !user.subjectKey) return { user, standing: { verified: false, points: 0, restrictions: [] } };
  if (user.consentWithdrawnAt) return { user, standing: { verified: false, consentWithdrawn: true, points: 0, restrictions: [] } };
  const [projection, measures] = await Promise.all([readProjection(deps, user.subjectKey), deps.measures.list()]);
  const now = deps.clock.now();
  return {
    user,
    standing: {
      verified: true,
      points: personalPoints(projection?.delta ?? 0).points,
      restrictions: restrictionReasons(applicableMeasures(projection?.activeRecords ?? [], measures, now), 'incentives'),
    },
  };
}
