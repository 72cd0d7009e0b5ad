import { Text } from '@tarojs/components';
import type { CreditEventView } from '../../../../services/api';
import { STATUS_LABELS } from '../../shared/format';
import './index.scss';

/** 生效中 / 已过期 / 已修复 / 异议处理中, each in its own colour. */
export default function StatusBadge({ status, testId }: { status: CreditEventView['status']; testId?: string }) {
  return (
    <Text className={`cx-badge cx-badge--${status}`} data-testid={testId} data-status={status}>
      {STATUS_LABELS[status]}
    </Text>
  );
}
