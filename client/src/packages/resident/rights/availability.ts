import type { CreditEventView } from '../../../services/api';
import { chinaDate } from '../../../services/time';

export type RepairState =
  /** Not a negative record: nothing to repair. */
  | 'none'
  | 'repaired'
  /** Its publication period is over: it no longer counts. */
  | 'expired'
  /** An application is waiting for the department. */
  | 'pending'
  /** The minimum publication period has not passed yet. */
  | 'waiting'
  | 'available';

export interface RepairAvailability {
  state: RepairState;
  /** Whether 申请信用修复 may be tapped. */
  enabled: boolean;
  /** What the resident reads next to the button: when and why (not). */
  message: string;
}

const FREE = '信用修复免费，无需任何中介。';

/**
 * Whether credit repair may be applied for now, and what to say either way. Mirrors the backend's
 * rule (a negative record still counting, after its minimum publication period, with no open
 * application); the backend decides, this only avoids a pointless tap.
 */
export function repairAvailability(event: CreditEventView, now: Date): RepairAvailability {
  if (event.points >= 0 || !event.repairableFrom) return { state: 'none', enabled: false, message: '' };
  if (event.status === 'repaired') return { state: 'repaired', enabled: false, message: '该记录已修复，不再计分，也不再向他人展示。' };
  if (event.openRepairId) {
    return { state: 'pending', enabled: false, message: '修复申请处理中，报送部门会在时限内答复。' };
  }
  if (now.getTime() >= new Date(event.countsUntil).getTime()) {
    return { state: 'expired', enabled: false, message: '该记录已届满公示期，不再计分，无需修复。' };
  }
  if (now.getTime() < new Date(event.repairableFrom).getTime()) {
    return {
      state: 'waiting',
      enabled: false,
      message: `最短公示期未满，可于 ${chinaDate(event.repairableFrom)} 后申请信用修复（免费）。${FREE}`,
    };
  }
  return {
    state: 'available',
    enabled: true,
    message: `自 ${chinaDate(event.repairableFrom)} 起可申请信用修复：纠正失信行为、履行相关义务后即可申请。${FREE}`,
  };
}

/** An objection may be raised against any record not repaired, one at a time. */
export function canObject(event: CreditEventView): boolean {
  return event.status !== 'repaired' && !event.openObjectionId;
}

export const FREE_REPAIR_NOTE = FREE;
