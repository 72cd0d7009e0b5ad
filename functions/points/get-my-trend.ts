import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { evaluate, personalPoints } from './points.engine';
import type { TrendResponse } from './points.schemas';
import { residentSubject } from './resident-subject';

const CST = 8 * 3600 * 1000;

/**
 * The resident's points over the last 12 months.
 * 1. Find the resident's credit subject; load its events and the catalogue.
 * 2. Evaluate at the end of each of the past 11 months (China Standard Time) and now.
 */
export async function getMyTrend(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; clock: Clock },
  userId: string,
): Promise<TrendResponse> {
  const subjectKey = await residentSubject(deps.identities, userId);
  const [events, catalogue] = await Promise.all([deps.credit.listEvents(subjectKey), deps.rules.listVersions()]);
  const now = deps.clock.now();
  const local = new Date(now.getTime() + CST);
  const items: TrendResponse['items'] = [];
  for (let back = 11; back >= 0; back--) {
    const y = local.getUTCFullYear();
    const m = local.getUTCMonth() - back;
    const monthStart = new Date(Date.UTC(y, m, 1));
    const label = `${monthStart.getUTCFullYear()}-${String(monthStart.getUTCMonth() + 1).padStart(2, '0')}`;
    const at = back === 0 ? now : new Date(Date.UTC(y, m + 1, 1) - CST - 1);
    items.push({ month: label, points: personalPoints(evaluate(events, catalogue, at).delta).points });
  }
  return { items };
}
