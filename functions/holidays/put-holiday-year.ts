import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { holidayYearProblems } from '../shared/domain/holidays-cn';
import { errors } from '../shared/http/app-error';
import type { HolidayCalendar, HolidayYearView } from './holiday-calendar';
import type { PutHolidayYearBody } from './holidays.schemas';

/**
 * The credit centre enters (or corrects) one year of the State Council's holiday arrangement.
 * 1. Every date must be a real day of that year, once; working weekends must be Saturdays or
 *    Sundays and not also days off (400 VALIDATION_FAILED naming each bad entry).
 * 2. The year is stored whole, replacing an earlier entry or the bundled year; deadlines computed
 *    from then on use it (deadlines already given are kept).
 */
export async function putHolidayYear(
  deps: { holidays: HolidayCalendar; clock: Clock },
  principal: Principal,
  year: number,
  body: PutHolidayYearBody,
): Promise<HolidayYearView> {
  const holidays = [...body.holidays].sort();
  const workdays = [...body.workdays].sort();
  const problems = holidayYearProblems(year, body.holidays, body.workdays);
  if (problems.length > 0) throw errors.validation(problems, '节假日安排有误，请核对后再保存');
  const stored = { year, holidays, workdays, source: body.source, updatedAt: deps.clock.now().toISOString(), updatedBy: principal.userId };
  await deps.holidays.store(stored);
  return { ...stored, origin: 'centre' };
}
