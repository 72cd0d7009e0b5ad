import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { getMyPoints } from './get-my-points';
import { pointsResponse } from './points.schemas';

export function pointsRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/points/me',
      summary: '我的信用积分',
      tag: 'points',
      auth: ['resident'],
      response: pointsResponse,
      errors: ['REAL_NAME_REQUIRED'],
      handle: ({ principal }) => getMyPoints(deps, principal.userId),
    }),
  ];
}
