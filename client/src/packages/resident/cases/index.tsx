import { useState } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import PageShell from '../../../components/page-shell';
import Segmented from '../../../components/segmented';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { listCases, type CaseKind } from '../../../services/rights-api';
import { useToken } from '../../../services/session';
import CaseCard from '../rights/case-card';
import { subjectOf, useMe } from '../rights/use-subject';
import '../rights/rights.scss';

const PAGE_SIZE = 20;
const KINDS = [
  { value: 'objection', label: '我的异议' },
  { value: 'repair', label: '信用修复' },
] as const;

/** 异议与修复: the subject's objections and repair applications, their deadlines and answers. */
export default function CasesPage() {
  const { params } = useRouter();
  const [kind, setKind] = useState<CaseKind>(params.kind === 'repair' ? 'repair' : 'objection');
  const token = useToken();
  const me = useMe();
  const cases = usePagedList((cursor) => listCases(kind, { limit: PAGE_SIZE, cursor }), [token, kind], token !== null);
  usePullToRefresh(cases.reload);
  useReachBottom(() => {
    if (cases.hasMore && !cases.moreError) void cases.loadMore();
  });
  const subject = me.data ? subjectOf(me.data) : 'person';

  return (
    <PageShell
      header={
        <View>
          <Text className='cx-rights-intro'>
            对信用记录有异议，或已纠正失信行为，可以在记录详情页提出异议、申请信用修复。报送部门须在 5 个工作日内答复并说明理由。信用修复免费，无需任何中介。
          </Text>
          <Segmented options={KINDS} value={kind} onChange={setKind} testId='cases-kind' />
        </View>
      }
      loading={cases.loading}
      error={cases.error}
      onRetry={cases.reload}
      empty={cases.items.length === 0 && !cases.hasMore}
      emptyTitle={kind === 'objection' ? '暂无异议' : '暂无修复申请'}
      emptyDescription='在「我的信用」中打开一条记录，即可提出异议或申请信用修复。'
    >
      <View data-testid='cases-page'>
        {cases.items.map((c) => (
          <CaseCard key={c.id} c={c} subject={subject} />
        ))}
        <ListFoot loadingMore={cases.loadingMore} moreError={cases.moreError} hasMore={cases.hasMore} onMore={() => void cases.loadMore()} testId='cases-foot' />
      </View>
    </PageShell>
  );
}
