import { getMe, getMyPoints, isApiError, type Me, type PointsResponse } from '../../services/api';
import { getMyEnterpriseOrNull, type EnterpriseProfile } from '../../services/loans-api';

export interface HomeData {
  me: Me;
  /** Set for a resident whose points can be computed. */
  points: PointsResponse | null;
  /** A resident who has not verified their real name yet has no points to show. */
  realNameRequired: boolean;
  /** A resident who withdrew the sensitive-information consent: points are paused. */
  consentWithdrawn?: true;
  /** For a business user: its business, or null before 企业认证. */
  business?: EnterpriseProfile | null;
}

export async function loadHome(): Promise<HomeData> {
  const { user } = await getMe();
  if (user.roles.includes('enterprise')) {
    return { me: user, points: null, realNameRequired: false, business: await getMyEnterpriseOrNull() };
  }
  if (!user.roles.includes('resident')) return { me: user, points: null, realNameRequired: false };
  try {
    const points = await getMyPoints({ quietCodes: ['REAL_NAME_REQUIRED', 'CONSENT_WITHDRAWN'] });
    return { me: user, points, realNameRequired: false };
  } catch (e) {
    if (isApiError(e) && e.code === 'REAL_NAME_REQUIRED') return { me: user, points: null, realNameRequired: true };
    if (isApiError(e) && e.code === 'CONSENT_WITHDRAWN') return { me: user, points: null, realNameRequired: false, consentWithdrawn: true };
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
