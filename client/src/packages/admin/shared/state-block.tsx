import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import { isApiError } from '../../../services/api';

interface StateBlockProps {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  testId?: string;
  children?: ReactNode;
}

/** Loading, failed (with 重试), empty or ready: for one section of a page that loads on its own. */
export default function StateBlock({ loading, error, onRetry, empty, emptyTitle = '暂无内容', emptyDescription, testId = 'state', children }: StateBlockProps) {
  if (loading) {
    return (
      <View className='cx-block-state' data-testid={`${testId}-loading`}>
        <View className='cx-skeleton' />
        <View className='cx-skeleton cx-skeleton--short' />
        <Text className='cx-text-secondary'>加载中…</Text>
      </View>
    );
  }
  if (error !== undefined && error !== null) {
    return (
      <View className='cx-block-state cx-block-state--error' data-testid={`${testId}-error`}>
        <Text className='cx-block-state__text'>{isApiError(error) ? error.message : '加载失败，请稍后重试'}</Text>
        <Button className='cx-btn cx-btn--secondary cx-block-state__retry' data-testid={`${testId}-retry`} onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (empty) return <EmptyState title={emptyTitle} description={emptyDescription} testId={`${testId}-empty`} />;
  return <>{children}</>;
}
