import { z } from 'zod';

export const pointsResponse = z.object({
  points: z.number().int(),
  tier: z.object({ code: z.string(), label: z.string() }),
  dimensions: z.array(z.object({ code: z.string(), label: z.string(), points: z.number().int() })),
  asOf: z.string().describe('ISO-8601'),
});

export type PointsResponse = z.infer<typeof pointsResponse>;
