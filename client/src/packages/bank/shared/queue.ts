import { getApplications, type ApplicationStatus, type ApplicationView, type ApplicationsPage } from '../../../services/loans-api';
import { isDueSoon, isOpen } from '../../../services/loans-format';

export type QueueFilter = 'open' | 'due' | 'overdue' | 'APPROVED' | 'DISBURSED' | 'REJECTED' | 'WITHDRAWN' | 'all';

export const QUEUE_FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: '待审批' },
  { value: 'due', label: '即将超期' },
  { value: 'overdue', label: '已超期' },
  { value: 'APPROVED', label: '待放款' },
  { value: 'DISBURSED', label: '已放款' },
  { value: 'REJECTED', label: '已拒绝' },
  { value: 'WITHDRAWN', label: '已撤回' },
  { value: 'all', label: '全部' },
];

export const isQueueFilter = (v: string | undefined): v is QueueFilter => QUEUE_FILTERS.some((f) => f.value === v);

const STATUS_FILTERS: readonly ApplicationStatus[] = ['APPROVED', 'DISBURSED', 'REJECTED', 'WITHDRAWN'];

/** The server narrows by one status or by overdue; 待审批 and 即将超期 are narrowed here. */
function serverQuery(filter: QueueFilter): { status?: ApplicationStatus; overdue?: boolean } {
  if (filter === 'overdue') return { overdue: true };
  if ((STATUS_FILTERS as readonly string[]).includes(filter)) return { status: filter as ApplicationStatus };
  return {};
}

export function matches(filter: QueueFilter, a: ApplicationView, now: Date): boolean {
  if (filter === 'open') return isOpen(a);
  if (filter === 'due') return isDueSoon(a, now);
  if (filter === 'overdue') return a.overdue;
  if (filter === 'all') return true;
  return a.status === filter;
}

// The server filters within each page it reads, so a page can come back empty with more behind it.
const MAX_PAGES_PER_CALL = 5;

/** One page of the queue for a filter: skips pages with nothing matching, up to a few at a time. */
export async function queuePage(filter: QueueFilter, cursor: string | null, limit = 20, now: Date = new Date()): Promise<ApplicationsPage> {
  let next = cursor;
  for (let i = 0; i < MAX_PAGES_PER_CALL; i++) {
    const page = await getApplications({ limit, cursor: next, ...serverQuery(filter) });
    const items = page.items.filter((a) => matches(filter, a, now));
    next = page.nextCursor;
    if (items.length > 0 || next === null) return { items, nextCursor: next };
  }
  return { items: [], nextCursor: next };
}

export interface QueueCounts {
  open: number;
  dueSoon: number;
  overdue: number;
  /** Approved, waiting for 放款登记. */
  approved: number;
}

const MAX_COUNT_PAGES = 10;

/** The bank's counts for 首页, read through its applications (100 a page). */
export async function queueCounts(now: Date = new Date()): Promise<QueueCounts> {
  const counts: QueueCounts = { open: 0, dueSoon: 0, overdue: 0, approved: 0 };
  let cursor: string | null = null;
  for (let i = 0; i < MAX_COUNT_PAGES; i++) {
    const page: ApplicationsPage = await getApplications({ limit: 100, cursor });
    for (const a of page.items) {
      if (isOpen(a)) counts.open++;
      if (isDueSoon(a, now)) counts.dueSoon++;
      if (a.overdue) counts.overdue++;
      if (a.status === 'APPROVED') counts.approved++;
    }
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return counts;
}
