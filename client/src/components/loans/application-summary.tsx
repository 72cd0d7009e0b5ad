import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../services/loans-api';
import { deadlineText, isDueSoon, isOpen, money, timeLeft, yuan } from '../../services/loans-format';
import { chinaDateTime } from '../../services/time';
import StatusTag, { Tag } from './status-tag';
import { labelValueRow } from '../label-value';
import './application-summary.scss';

interface SummaryProps {
  application: ApplicationView;
  viewer: 'enterprise' | 'bank';
  now: Date;
}

const Row = labelValueRow('cx-appsum');

/** An application at a glance: state, amount, term, purpose, the parties, and the bank's deadline. */
export default function ApplicationSummary({ application: a, viewer, now }: SummaryProps) {
  const open = isOpen(a);
  return (
    <View className={`cx-card cx-appsum${a.overdue ? ' cx-appsum--overdue' : ''}`} data-testid='application-summary'>
      <View className='cx-appsum__head'>
        <View className='cx-appsum__titles'>
          <Text className='cx-appsum__product'>{a.product.name}</Text>
          <Text className='cx-appsum__party'>{viewer === 'bank' ? a.enterprise.name : a.bank.name}</Text>
        </View>
        <StatusTag status={a.status} testId='application-status' />
      </View>

      <View className='cx-appsum__amount'>
        <Text className='cx-appsum__amount-value' data-testid='application-amount'>
          {money(a.amount)}
        </Text>
        <Text className='cx-appsum__amount-exact'>{yuan(a.amount)}</Text>
      </View>

      <Row label='期限' value={`${a.termMonths} 个月`} testId='application-term' />
      <Row label='用途' value={a.purpose} testId='application-purpose' />
      <Row label='提交时间' value={chinaDateTime(a.submittedAt)} />
      {viewer === 'bank' && <Row label='统一社会信用代码' value={a.enterprise.uscc} />}
      {a.disbursedAmount !== undefined && <Row label='放款金额' value={yuan(a.disbursedAmount)} testId='application-disbursed' />}
      {a.decisionReason && <Row label={a.status === 'REJECTED' ? '拒绝理由' : '审批意见'} value={a.decisionReason} testId='application-reason' />}

      {open && (
        <View className={`cx-appsum__deadline${a.overdue ? ' cx-appsum__deadline--overdue' : ''}`} data-testid='application-deadline'>
          <Text className='cx-appsum__deadline-text'>{deadlineText(a.deadline)}</Text>
          {a.overdue ? (
            <Tag text={viewer === 'bank' ? timeLeft(a, now) : '银行已超期未答复'} tone='danger' testId='application-overdue' />
          ) : (
            <Tag text={timeLeft(a, now)} tone={isDueSoon(a, now) ? 'warning' : 'muted'} testId='application-time-left' />
          )}
        </View>
      )}
    </View>
  );
}
