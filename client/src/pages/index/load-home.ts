import { getMe, getMyPoints, isApiError, type Me, type PointsResponse } from '../../services/api';

export interface HomeData {
  me: Me;
  /** Set for a resident whose points can be computed. */
  points: PointsResponse | null;
  /** A resident who has not verified their real name yet has no points to show. */
  realNameRequired: boolean;
}

export async function loadHome(): Promise<HomeData> {
  const { user } = await getMe();
  if (!user.roles.includes('resident')) return { me: user, points: null, realNameRequired: false };
  try {
    const points = await getMyPoints({ quietCodes: ['REAL_NAME_REQUIRED'] });
    return { me: user, points, realNameRequired: false };
  } catch (e) {
    if (isApiError(e) && e.code === 'REAL_NAME_REQUIRED') return { me: user, points: null, realNameRequired: true };
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
