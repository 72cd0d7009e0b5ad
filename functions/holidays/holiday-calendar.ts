import { BUNDLED_HOLIDAY_YEARS, workCalendar, type HolidayYear, type WorkCalendar } from '../shared/domain/holidays-cn';
import type { HolidaysRepository, StoredHolidayYear } from './holidays.repository';

/** How long an instance keeps the stored years before reading them again. */
const CACHE_MS = 5 * 60_000;

export type HolidayYearView = HolidayYear & {
  /** `bundled`: shipped with the service; `centre`: entered by the credit centre (it wins over a bundled year). */
  origin: 'bundled' | 'centre';
  updatedAt?: string;
  updatedBy?: string;
};

/**
 * The working-day calendar every deadline uses: the bundled years merged with the years the
 * credit centre stored. Reads are cached per instance for a few minutes (the calendar changes a
 * few times a year); a change made on this instance is seen at once, on others within CACHE_MS.
 */
export class HolidayCalendar {
  private cache: { until: number; stored: StoredHolidayYear[]; calendar: WorkCalendar } | null = null;

  constructor(private readonly repo: HolidaysRepository, private readonly cacheMs = CACHE_MS) {}

  private async load(): Promise<{ stored: StoredHolidayYear[]; calendar: WorkCalendar }> {
    if (this.cache && Date.now() < this.cache.until) return this.cache;
    const stored = await this.repo.listYears();
    const calendar = workCalendar([...BUNDLED_HOLIDAY_YEARS, ...stored]);
    this.cache = { until: Date.now() + this.cacheMs, stored, calendar };
    return this.cache;
  }

  async calendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  /** Every known year, oldest first, each from where it comes. */
  async years(): Promise<HolidayYearView[]> {
    const { stored } = await this.load();
    const byYear = new Map<number, HolidayYearView>();
    for (const y of BUNDLED_HOLIDAY_YEARS) byYear.set(y.year, { ...y, origin: 'bundled' });
    for (const y of stored) byYear.set(y.year, { ...y, origin: 'centre' });
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  async store(y: StoredHolidayYear): Promise<void> {
    await this.repo.putYear(y);
    this.cache = null;
  }
}
