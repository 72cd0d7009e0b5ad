import { projectionFrom } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { SubjectProjection } from '../credit/credit.types';
import type { IdentityRepository } from '../identity/identity.repository';
import type { User } from '../identity/identity.types';
import { personalPoints } from '../points/points.engine';
import type { RulesRepository } from '../rules/rules.repository';
import type { Account } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { ResidentStanding } from './incentives.domain';
import { applicableMeasures, restrictionReasons } from '../measures/measures.domain';
import type { MeasuresRepository } from '../measures/measures.repository';

type StandingDeps = { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; measures: MeasuresRepository; clock: Clock };

/**
 * A resident's standing now: verified or not, points, and restrictions by listed measures.
 * `knownSubject` (the subject a pass was issued to) has the projection read beside the account;
 * it is used only when the account still names that subject.
 */
export async function residentStanding(deps: StandingDeps, userId: string, knownSubject?: string): Promise<{ user: User; standing: ResidentStanding }> {
  const early = knownSubject ? deps.credit.getProjection(knownSubject, false) : undefined;
  early?.catch(() => undefined);
  const user = await deps.identities.getUser(userId);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  return { user, standing: await standingOfAccount(deps, user, user.subjectKey === knownSubject ? early : undefined) };
}

/**
 * The same from an account already read (the caller's, as the session's confirmation read it),
 * with the projection read `early` when one is under way for the account's subject.
 */
export async function standingOfAccount(deps: Omit<StandingDeps, 'identities'>, account: Account, early?: Promise<SubjectProjection | null>): Promise<ResidentStanding> {
  if (!account.realNameVerifiedAt || !account.subjectKey) return { verified: false, points: 0, restrictions: [] };
  if (account.consentWithdrawnAt) return { verified: false, consentWithdrawn: true, points: 0, restrictions: [] };
  const [projection, measures] = await Promise.all([projectionFrom(deps, account.subjectKey, early ?? deps.credit.getProjection(account.subjectKey, false)), deps.measures.list()]);
  const now = deps.clock.now();
  return {
    verified: true,
    points: personalPoints(projection?.delta ?? 0).points,
    restrictions: restrictionReasons(applicableMeasures(projection?.activeRecords ?? [], measures, now), 'incentives'),
  };
}
