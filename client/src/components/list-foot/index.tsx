import { Button, Text, View } from '@tarojs/components';
import { isApiError } from '../../services/api';
import './index.scss';

interface ListFootProps {
  loadingMore: boolean;
  moreError: unknown;
  hasMore: boolean;
  onMore: () => void;
  testId?: string;
}

/** The end of an infinite list: 加载中…, a failed page with 重试, 加载更多, or 没有更多了. */
export default function ListFoot({ loadingMore, moreError, hasMore, onMore, testId = 'list-foot' }: ListFootProps) {
  return (
    <View className='cx-list-foot' data-testid={testId}>
      {loadingMore && <Text className='cx-list-foot__text'>加载中…</Text>}
      {!loadingMore && moreError !== undefined && (
        <View className='cx-list-foot__error'>
          <Text className='cx-list-foot__text'>{isApiError(moreError) ? moreError.message : '加载失败，请稍后重试'}</Text>
          <Button className='cx-btn cx-btn--secondary cx-list-foot__btn' onClick={onMore}>
            重试
          </Button>
        </View>
      )}
      {!loadingMore && moreError === undefined && hasMore && (
        <Button className='cx-btn cx-btn--secondary cx-btn--block' data-testid={`${testId}-more`} onClick={onMore}>
          加载更多
        </Button>
      )}
      {!hasMore && <Text className='cx-list-foot__text'>没有更多了</Text>}
    </View>
  );
}
