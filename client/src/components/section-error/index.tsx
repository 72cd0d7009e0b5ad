import { Button, Text, View } from '@tarojs/components';
import { isApiError } from '../../services/api';
import './index.scss';

interface SectionErrorProps {
  error: unknown;
  onRetry: () => void;
  testId?: string;
  /** Less space around it, inside a card's list. */
  compact?: boolean;
}

/** A section of a ready page that failed on its own: the API's message (or a general one) and 重试. */
export function SectionError({ error, onRetry, testId, compact }: SectionErrorProps) {
  return (
    <View className={`cx-section-error${compact ? ' cx-section-error--compact' : ''}`} data-testid={testId} role='alert'>
      <Text className='cx-section-error__text'>{isApiError(error) ? error.message : '加载失败，请稍后重试'}</Text>
      <Button className='cx-btn cx-btn--secondary cx-section-error__btn' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
