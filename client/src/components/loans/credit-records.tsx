import { Text, View } from '@tarojs/components';
import type { CreditEventView } from '../../services/api';
import { chinaDate } from '../../services/time';
import { Tag } from './status-tag';
import './credit-records.scss';

const MINUS = '\u2212';
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${Math.abs(n)}` : '0');

const EVENT_STATUS: Record<CreditEventView['status'], { text: string; tone: 'success' | 'muted' | 'info' | 'warning' }> = {
  active: { text: '生效中', tone: 'success' },
  expired: { text: '已过期', tone: 'muted' },
  repaired: { text: '已修复', tone: 'info' },
  disputed: { text: '异议处理中', tone: 'warning' },
};

const SEVERITY: Record<NonNullable<CreditEventView['severity']>, string> = { light: '轻微', general: '一般', serious: '严重' };

/** What an event counts now: `+10`, or `−8（已过期，计 0 分）`. */
function counted(e: CreditEventView): string {
  if (e.countedPoints === e.points) return `${signed(e.points)} 分`;
  const why = e.status === 'expired' ? '已过期' : e.status === 'repaired' ? '已修复' : '已达年度上限';
  return `${signed(e.points)}（${why}，计 ${signed(e.countedPoints)} 分）`;
}

/**
 * A business's credit records, newest first, as a timeline: what happened, who reported it, when,
 * how long it counts, and what it adds to the score now.
 */
export default function CreditRecords({ records, testId = 'credit-records', onOpen }: { records: readonly CreditEventView[]; testId?: string; onOpen?: (e: CreditEventView) => void }) {
  return (
    <View className='cx-records' data-testid={testId}>
      {records.map((e) => {
        const sign = e.points > 0 ? 'up' : e.points < 0 ? 'down' : 'zero';
        const status = EVENT_STATUS[e.status];
        return (
          <View role={onOpen ? 'button' : undefined} key={e.id} className={`cx-records__item cx-records__item--${e.status}`} data-testid='record-item' onClick={onOpen ? () => onOpen(e) : undefined}>
            <View className={`cx-records__dot cx-records__dot--${sign}`} />
            <View className='cx-records__body'>
              <View className='cx-records__head'>
                <Text className='cx-records__title' data-testid='record-title'>
                  {e.title}
                </Text>
                <Tag text={status.text} tone={status.tone} />
              </View>
              <Text className='cx-records__meta'>
                {chinaDate(e.occurredAt)} · {e.department}
                {e.severity ? ` · ${SEVERITY[e.severity]}` : ''}
              </Text>
              <Text className='cx-records__meta'>计入至 {chinaDate(e.countsUntil)}</Text>
              <Text className={`cx-records__points cx-records__points--${e.countedPoints === e.points ? sign : 'zero'}`}>{counted(e)}</Text>
              {onOpen ? <Text className='cx-records__meta'>查看详情 · 提出异议 · 申请修复 ›</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
