import { Text } from '@tarojs/components';
import type { ApplicationStatus } from '../../services/loans-api';
import { STATUS_LABELS, STATUS_TONES, type Tone } from '../../services/loans-format';
import './status-tag.scss';

interface TagProps {
  text: string;
  tone: Tone;
  testId?: string;
}

/** A small coloured label: 已批准, 已超期, 符合条件 … */
export function Tag({ text, tone, testId }: TagProps) {
  return (
    <Text className={`cx-loan-tag cx-loan-tag--${tone}`} data-testid={testId} data-tone={tone}>
      {text}
    </Text>
  );
}

/** An application's state in its colour. */
export default function StatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  return (
    <Text className={`cx-loan-tag cx-loan-tag--${STATUS_TONES[status]}`} data-testid={testId} data-status={status}>
      {STATUS_LABELS[status]}
    </Text>
  );
}
