import { getActingChoice, visibleRoles, type ActingChoice } from '../../services/acting-role';
import { getMe, getMyPoints, isApiError, type Role, type PointsResponse } from '../../services/api';
import { getMyEnterpriseOrNull, type EnterpriseProfile } from '../../services/loans-api';
import type { StaffMe } from '../../services/orgs-api';

export interface HomeData {
  me: StaffMe;
  /** The roles whose sections the home shows: the one chosen in 切换身份, or all of them. */
  roles: readonly Role[];
  /** Set for a resident whose points can be computed. */
  points: PointsResponse | null;
  /** A resident who has not verified their real name yet has no points to show. */
  realNameRequired: boolean;
  /** A resident who withdrew the sensitive-information consent: points are paused. */
  consentWithdrawn?: true;
  /** For a business user: its business, or null before 企业认证. */
  business?: EnterpriseProfile | null;
}

/** What the home shows for the signed-in user, acting as the role chosen in 切换身份 (if any). */
export async function loadHome(choice: ActingChoice | null = getActingChoice()): Promise<HomeData> {
  const me = (await getMe()).user as StaffMe;
  const roles = visibleRoles(me, choice);
  if (roles.includes('enterprise')) {
    return { me, roles, points: null, realNameRequired: false, business: await getMyEnterpriseOrNull() };
  }
  if (!roles.includes('resident')) return { me, roles, points: null, realNameRequired: false };
  try {
    const points = await getMyPoints({ quietCodes: ['REAL_NAME_REQUIRED', 'CONSENT_WITHDRAWN'] });
    return { me, roles, points, realNameRequired: false };
  } catch (e) {
    if (isApiError(e) && e.code === 'REAL_NAME_REQUIRED') return { me, roles, points: null, realNameRequired: true };
    if (isApiError(e) && e.code === 'CONSENT_WITHDRAWN') return { me, roles, points: null, realNameRequired: false, consentWithdrawn: true };
    throw e;
  }
}

export function greeting(now: Date): string {
  const h = now.getHours();
  if (h < 5) return '夜深了';
  if (h < 11) return '上午好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}
