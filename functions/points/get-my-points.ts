import type { Clock } from '../shared/domain/clock';
import { AppError } from '../shared/http/app-error';
import { BASE_POINTS, clampPoints, DIMENSIONS, tierOf } from './points.domain';
import type { PointsRepository } from './points.repository';
import type { PointsResponse } from './points.schemas';

/**
 * The signed-in resident's points.
 * 1. Read the resident's projection (one item).
 * 2. No projection means no verified real name and consent yet: nothing is computed.
 * 3. Points = base + the dimensions, clamped to 0–200, with the tier.
 */
export async function getMyPoints(deps: { points: PointsRepository; clock: Clock }, userId: string): Promise<PointsResponse> {
  const projection = await deps.points.get(userId);
  if (!projection) {
    throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证并同意个人信息处理授权，才能查看信用积分');
  }
  const dims = DIMENSIONS.map((d) => ({ code: d.code, label: d.label, points: projection.dimensions[d.code] ?? 0 }));
  const points = clampPoints(BASE_POINTS + dims.reduce((s, d) => s + d.points, 0));
  return { points, tier: tierOf(points), dimensions: dims, asOf: deps.clock.now().toISOString() };
}
