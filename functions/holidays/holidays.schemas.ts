import { z } from 'zod';

const date = z.string().max(10).describe('YYYY-MM-DD');

export const holidayYearParams = z.strictObject({ year: z.string().regex(/^20\d{2}$/, '年份应为 2000–2099') });

export const putHolidayYearBody = z.strictObject({
  holidays: z.array(date).min(1, '至少填写一天放假日期').max(60).describe('days off, weekends inside a holiday period included'),
  workdays: z.array(date).max(20).describe('weekend days that are working days (调休上班)'),
  source: z.string().trim().min(4, '请写明依据（通知名称和文号）').max(200),
});

export const holidayYearView = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  source: z.string(),
  origin: z.enum(['bundled', 'centre']),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});

export const holidayYearsResponse = z.object({ items: z.array(holidayYearView), nextCursor: z.null() });

export type PutHolidayYearBody = z.infer<typeof putHolidayYearBody>;
export type HolidayYearViewDto = z.infer<typeof holidayYearView>;
