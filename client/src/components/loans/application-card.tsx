import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../services/loans-api';
import { deadlineText, isDueSoon, isOpen, money, timeLeft } from '../../services/loans-format';
import { chinaDate } from '../../services/time';
import StatusTag, { Tag } from './status-tag';
import './application-card.scss';

interface ApplicationCardProps {
  application: ApplicationView;
  /** A business sees the bank; a bank sees the business and how long it has left. */
  viewer: 'enterprise' | 'bank';
  now: Date;
  onOpen: () => void;
}

/** One application in a list: product, the other party, amount and term, state and deadline. */
export default function ApplicationCard({ application: a, viewer, now, onOpen }: ApplicationCardProps) {
  const open = isOpen(a);
  const soon = isDueSoon(a, now);
  return (
    <View
      role='button'
      className={`cx-card cx-app${a.overdue ? ' cx-app--overdue' : ''}`}
      hoverClass='cx-app--pressed'
      data-testid='application-card'
      data-application-id={a.id}
      data-status={a.status}
      onClick={onOpen}
    >
      <View className='cx-app__head'>
        <Text className='cx-app__title' data-testid='application-title'>
          {viewer === 'bank' ? a.enterprise.name : a.product.name}
        </Text>
        <StatusTag status={a.status} testId='application-status' />
      </View>
      <Text className='cx-app__sub'>{viewer === 'bank' ? `申请「${a.product.name}」` : a.bank.name}</Text>
      <View className='cx-app__facts'>
        <Text className='cx-app__amount'>{money(a.amount)}</Text>
        <Text className='cx-app__term'>{a.termMonths} 个月</Text>
      </View>
      {open ? (
        <View className='cx-app__deadline' data-testid='application-deadline'>
          <Text className='cx-app__deadline-text'>{deadlineText(a.deadline)}</Text>
          {a.overdue ? (
            <Tag text={viewer === 'bank' ? timeLeft(a, now) : '已超期'} tone='danger' testId='application-overdue' />
          ) : viewer === 'bank' ? (
            <Tag text={timeLeft(a, now)} tone={soon ? 'warning' : 'muted'} testId='application-time-left' />
          ) : null}
        </View>
      ) : (
        <Text className='cx-app__date'>提交于 {chinaDate(a.submittedAt)}</Text>
      )}
    </View>
  );
}
