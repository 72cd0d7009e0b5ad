import type { RecordState } from '../../../services/department-api';

/** What a submitted record's state means, and the colour of its chip. */
export const RECORD_STATES: Record<RecordState, { label: string; tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; help: string }> = {
  attached: { label: '已生效', tone: 'ok', help: '已计入当事人的信用档案' },
  waiting: { label: '待本人注册', tone: 'info', help: '当事人尚未注册，注册后自动生效' },
  disputed: { label: '异议中', tone: 'warn', help: '当事人提出了异议，请在异议处理中答复' },
  repaired: { label: '已修复', tone: 'muted', help: '当事人已完成信用修复，不再计分' },
  retracted: { label: '已撤销', tone: 'bad', help: '记录已撤销，不再计分' },
  expired: { label: '已过期', tone: 'muted', help: '已超过有效期，不再计分' },
};

/** An unknown state from a newer server still shows, as itself. */
export const recordState = (state: string) => RECORD_STATES[state as RecordState] ?? { label: state, tone: 'muted' as const, help: '' };
