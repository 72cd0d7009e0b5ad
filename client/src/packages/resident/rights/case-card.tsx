import { Text, View } from '@tarojs/components';
import { openInLoop } from '../../../services/navigation';
import type { CaseView } from '../../../services/rights-api';
import { RECORD_CASES_LOOP, subjectEventPage, type EventSubject } from '../../../services/rights-pages';
import { chinaDate, chinaDateTime } from '../../../services/time';
import { CASE_TONE } from './case-status';
import './rights.scss';

/** One objection or repair as its subject sees it: the record, their words, and the answer. */
export default function CaseCard({ c, subject }: { c: CaseView; subject: EventSubject }) {
  const open = c.status === 'OPEN';
  return (
    <View className='cx-card' data-testid='case-item' data-case-id={c.id} data-status={c.status}>
      <View className='cx-item__head'>
        <Text className='cx-item__title' data-testid='case-title'>
          {c.eventTitle}
        </Text>
        <Text className={`cx-tag cx-tag--${CASE_TONE[c.status]}`} data-testid='case-status'>
          {c.statusLabel}
        </Text>
      </View>
      <Text className='cx-item__meta'>
        {c.department.name} · {chinaDateTime(c.createdAt)} 提交
      </Text>
      <View className='cx-item__block'>
        <Text className='cx-item__block-label'>{c.kind === 'objection' ? '我的异议理由' : '我的修复说明'}</Text>
        <Text className='cx-item__block-text'>{c.text}</Text>
      </View>
      {open && (
        <Text className={`cx-item__deadline${c.overdue ? ' cx-item__deadline--overdue' : ''}`} data-testid='case-deadline'>
          {c.overdue ? `已超过答复期限（${chinaDate(c.deadline)}），可联系区信用中心督办` : `报送部门应于 ${chinaDate(c.deadline)} 前答复`}
        </Text>
      )}
      {c.answer && (
        <View className='cx-item__block cx-item__block--answer' data-testid='case-answer'>
          <Text className='cx-item__block-label'>部门答复{c.answeredAt ? `（${chinaDateTime(c.answeredAt)}）` : ''}</Text>
          <Text className='cx-item__block-text'>{c.answer}</Text>
        </View>
      )}
      {c.status !== 'UPHELD' && c.status !== 'SUPERSEDED' && (
        <Text role='button' className='cx-item__link' onClick={() => void openInLoop(subjectEventPage(c.eventId, subject), RECORD_CASES_LOOP)}>
          查看这条记录 ›
        </Text>
      )}
      {c.status === 'UPHELD' && <Text className='cx-item__meta'>异议成立，这条记录已撤销，不再计分。</Text>}
    </View>
  );
}
