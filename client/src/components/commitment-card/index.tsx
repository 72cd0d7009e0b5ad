import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CommitmentView } from '../../services/commitments-api';
import { chinaDate } from '../../services/time';
import './index.scss';

interface CommitmentCardProps {
  commitment: CommitmentView;
  /** Something to do with this commitment (the department's 记录违诺). */
  action?: { text: string; onClick: () => void };
  testId?: string;
}

/**
 * One signed credit commitment as it is public: type, title, subject matter, date of signing, the
 * clauses on request, and — when a department recorded one — the breach (违诺) with its date,
 * severity, department and reason.
 */
export default function CommitmentCard({ commitment: c, action, testId = 'commitment-item' }: CommitmentCardProps) {
  const [open, setOpen] = useState(false);
  const b = c.breach;
  return (
    <View className={`cx-commitment${b ? ' cx-commitment--breached' : ''}`} data-testid={testId} data-commitment-id={c.id} data-breached={b ? 'true' : 'false'}>
      <View className='cx-commitment__head'>
        <Text className='cx-commitment__type'>{c.typeLabel}</Text>
        {b ? (
          <Text className='cx-commitment__mark cx-commitment__mark--breached' data-testid='commitment-breach-mark'>
            违诺
          </Text>
        ) : (
          <Text className='cx-commitment__mark'>履约中</Text>
        )}
      </View>
      <Text className='cx-commitment__title' data-testid='commitment-title'>
        {c.title}
      </Text>
      {c.subjectMatter && (
        <Text className='cx-commitment__subject' data-testid='commitment-subject-matter'>
          承诺事项：{c.subjectMatter}
        </Text>
      )}
      <Text className='cx-commitment__date' data-testid='commitment-signed'>
        签署日期：{chinaDate(c.signedAt)}
      </Text>
      {b && (
        <View className='cx-commitment__breach' data-testid='commitment-breach' role='note'>
          <Text className='cx-commitment__breach-title'>
            {b.occurredOn} 违背承诺（{b.severityLabel}）
          </Text>
          <Text className='cx-commitment__breach-text'>{b.reason}</Text>
          <Text className='cx-commitment__breach-by'>认定部门：{b.departmentName}</Text>
        </View>
      )}
      <View role='button' className='cx-commitment__toggle' data-testid='commitment-toggle' onClick={() => setOpen((v) => !v)}>
        <Text>{open ? '收起承诺条款' : `查看承诺条款（${c.clauses.length} 条）`}</Text>
      </View>
      {open && (
        <View className='cx-commitment__clauses' data-testid='commitment-clauses'>
          {c.clauses.map((text, i) => (
            <Text key={i} className='cx-commitment__clause'>
              {i + 1}. {text}
            </Text>
          ))}
        </View>
      )}
      {action && (
        <View role='button' className='cx-commitment__action' data-testid='commitment-action' onClick={action.onClick}>
          <Text>{action.text}</Text>
        </View>
      )}
    </View>
  );
}
