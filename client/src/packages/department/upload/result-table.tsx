import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import FilterChip from '../../../components/filter-chip';
import { LINE_STATUS_LABELS, type LineResult, type LineStatus } from '../shared/upload-run';

const PAGE = 100;

const TONE: Record<LineStatus, string> = { accepted: 'ok', duplicate: 'warn', rejected: 'bad', unresolved: 'info' };

type Filter = 'all' | 'rejected';

interface ResultTableProps {
  results: readonly LineResult[];
}

/**
 * One row per line of the file: line number, source id, masked subject, 已接收 / 重复 / 被拒绝 and
 * the reason; a filter for the rejected lines only; 100 rows at a time.
 */
export default function ResultTable({ results }: ResultTableProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const rejected = results.filter((r) => r.status === 'rejected');
  const rows = filter === 'rejected' ? rejected : results;
  const shown = rows.slice(0, limit);
  const unresolved = results.some((r) => r.status === 'unresolved');

  const choose = (f: Filter) => {
    setFilter(f);
    setLimit(PAGE);
  };

  return (
    <View className='cx-dept-card cx-results' data-testid='upload-results'>
      <Text className='cx-dept-card__title'>逐行结果</Text>
      <View className='cx-results__filters'>
        <FilterChip label={`全部 ${results.length}`} active={filter === 'all'} testId='upload-filter-all' onClick={() => choose('all')} />
        <FilterChip label={`只看被拒绝 ${rejected.length}`} active={filter === 'rejected'} testId='upload-filter-rejected' onClick={() => choose('rejected')} />
      </View>
      {rows.length === 0 && (
        <Text className='cx-dept-card__text' data-testid='upload-results-none'>
          {filter === 'rejected' ? '没有被拒绝的行。' : '还没有结果。'}
        </Text>
      )}
      {rows.length > 0 && (
        <View className='cx-results__table' role='table'>
          <View className='cx-results__row cx-results__row--head' role='row'>
            <Text className='cx-results__cell cx-results__cell--line'>行号</Text>
            <Text className='cx-results__cell cx-results__cell--source'>来源编号</Text>
            <Text className='cx-results__cell cx-results__cell--subject'>主体</Text>
            <Text className='cx-results__cell cx-results__cell--status'>结果</Text>
            <Text className='cx-results__cell cx-results__cell--reason'>原因</Text>
          </View>
          {shown.map((r) => (
            <View key={`${r.line}-${r.sourceId ?? ''}`} className='cx-results__row' role='row' data-testid='upload-result-row' data-line={r.line} data-status={r.status}>
              <Text className='cx-results__cell cx-results__cell--line'>第 {r.line} 行</Text>
              <Text className='cx-results__cell cx-results__cell--source' data-testid='upload-result-source'>
                {r.sourceId ?? '—'}
              </Text>
              <Text className='cx-results__cell cx-results__cell--subject' data-testid='upload-result-subject'>
                {r.subjectMasked}
              </Text>
              <View className='cx-results__cell cx-results__cell--status'>
                <Text className={`cx-dept-chip cx-dept-chip--${TONE[r.status]}`} data-testid='upload-result-status'>
                  {LINE_STATUS_LABELS[r.status]}
                </Text>
              </View>
              <Text className='cx-results__cell cx-results__cell--reason' data-testid='upload-result-reason'>
                {r.reason ?? ''}
              </Text>
            </View>
          ))}
        </View>
      )}
      {rows.length > shown.length && (
        <Button className='cx-btn cx-btn--secondary cx-btn--block cx-results__more' data-testid='upload-results-more' onClick={() => setLimit((n) => n + PAGE)}>
          显示更多（还有 {rows.length - shown.length} 行）
        </Button>
      )}
      {unresolved && (
        <Text className='cx-results__note' data-testid='upload-results-unresolved'>
          「已接收或重复」：这些行所在的批次中既有新记录也有此前报送过的记录，接口只返回了数量，未逐条标明。两种情况都不会产生重复记录。
        </Text>
      )}
    </View>
  );
}
