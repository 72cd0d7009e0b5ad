import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useReloadOnReturn } from '../../../hooks/use-refresh';
import { useRequest } from '../../../hooks/use-request';
import StateBlock from './state-block';

interface RecordListProps<T> {
  load: () => Promise<{ items: T[] }>;
  /** Bumped by the console frame's pull-to-refresh. */
  refresh: number;
  /** The list's test id, also the prefix of its state block's. */
  testId: string;
  /** The button that opens an empty form: its text, test id and page. */
  create: { text: string; testId: string; url: string };
  intro?: string;
  emptyTitle: string;
  renderItem: (item: T) => ReactNode;
}

/**
 * A console list of records, each opening its form, with the button for a new one; it loads again
 * when the console comes back from a form, to show what was saved.
 */
export default function RecordList<T>({ load, refresh, testId, create, intro, emptyTitle, renderItem }: RecordListProps<T>) {
  const list = useRequest(load, [refresh]);
  useReloadOnReturn(list.reload);
  const items = list.data?.items ?? [];
  return (
    <View data-testid={testId}>
      <View className='cx-console__actions'>
        <Button className='cx-btn' data-testid={create.testId} onClick={() => void Taro.navigateTo({ url: create.url })}>
          {create.text}
        </Button>
      </View>
      {intro && <Text className='cx-console__intro'>{intro}</Text>}
      <StateBlock
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={Boolean(list.data) && items.length === 0}
        emptyTitle={emptyTitle}
        testId={testId}
      >
        <View className='cx-console__grid'>{items.map(renderItem)}</View>
      </StateBlock>
    </View>
  );
}
