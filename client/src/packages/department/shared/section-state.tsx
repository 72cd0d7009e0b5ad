import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import { isApiError } from '../../../services/api';

interface SectionStateProps {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  testId: string;
  children?: ReactNode;
}

/** Loading, failed (with 重试), empty or ready: for one part of a page that loads on its own. */
export default function SectionState({ loading, error, onRetry, empty, emptyTitle = '暂无内容', emptyDescription, testId, children }: SectionStateProps) {
  if (loading) {
    return (
      <View className='cx-dept-card cx-section-state' data-testid={`${testId}-loading`}>
        <View className='cx-skeleton cx-skeleton--title' />
        <View className='cx-skeleton' />
        <View className='cx-skeleton cx-skeleton--short' />
        <Text className='cx-dept-card__text'>加载中…</Text>
      </View>
    );
  }
  if (error !== undefined && error !== null) {
    return (
      <View className='cx-dept-card cx-section-state' data-testid={`${testId}-error`} role='alert'>
        <Text className='cx-section-state__error'>{isApiError(error) ? error.message : '加载失败，请稍后重试'}</Text>
        <Button className='cx-btn cx-btn--secondary cx-section-state__retry' data-testid={`${testId}-retry`} onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (empty) return <EmptyState title={emptyTitle} description={emptyDescription} testId={`${testId}-empty`} />;
  return <>{children}</>;
}
