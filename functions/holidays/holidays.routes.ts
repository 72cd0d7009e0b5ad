import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { holidayYearParams, holidayYearsResponse, holidayYearView, putHolidayYearBody } from './holidays.schemas';
import { putHolidayYear } from './put-holiday-year';

/** The working-day calendar behind every deadline: bundled State Council years and the centre's additions. */
export function holidaysRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/admin/holidays',
      summary: '节假日安排（国务院办公厅通知；内置年份与信用中心录入的年份）',
      tag: 'admin',
      auth: ['admin'],
      response: holidayYearsResponse,
      handle: async () => ({ items: await deps.holidays.years(), nextCursor: null }),
    }),
    route({
      method: 'put',
      path: '/api/admin/holidays/:year',
      summary: '录入或更正某年的节假日安排（信用中心）',
      tag: 'admin',
      auth: ['admin'],
      params: holidayYearParams,
      body: putHolidayYearBody,
      response: holidayYearView,
      handle: ({ principal, params, body }) => putHolidayYear(deps, principal, Number(params.year), body),
    }),
  ];
}
