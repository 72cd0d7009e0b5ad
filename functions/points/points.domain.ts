/** Tiers and dimensions of the personal credit points (DOMAIN.md, modelled on 商鼎分). */
export const DIMENSIONS = [
  { code: 'honour', label: '荣誉信息' },
  { code: 'virtue', label: '社会公德' },
  { code: 'ethics', label: '职业道德' },
  { code: 'family', label: '家庭美德' },
  { code: 'law', label: '法律法规' },
] as const;

export type DimensionCode = (typeof DIMENSIONS)[number]['code'];

export const TIERS = [
  { code: 'poor', label: '信用较差', from: 0 },
  { code: 'minor', label: '轻微失信', from: 80 },
  { code: 'good', label: '良好', from: 100 },
  { code: 'excellent', label: '优秀', from: 120 },
  { code: 'outstanding', label: '极好', from: 150 },
] as const;

export type Tier = { code: (typeof TIERS)[number]['code']; label: string };

export const BASE_POINTS = 100;
export const MIN_POINTS = 0;
export const MAX_POINTS = 200;

export function clampPoints(points: number): number {
  return Math.min(MAX_POINTS, Math.max(MIN_POINTS, Math.round(points)));
}

export function tierOf(points: number): Tier {
  let tier: (typeof TIERS)[number] = TIERS[0];
  for (const t of TIERS) if (points >= t.from) tier = t;
  return { code: tier.code, label: tier.label };
}
