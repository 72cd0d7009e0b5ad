import { Text, View } from '@tarojs/components';
import MeasureCard from '../../../components/measure-card';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getMeasures } from '../../../services/rights-api';
import { chinaDate } from '../../../services/time';
import './index.scss';

/** The published list of joint-punishment measures: nothing outside it may be applied. Public. */
export default function PublicMeasuresPage() {
  const measures = useRequest(() => getMeasures(), []);
  usePullToRefresh(measures.reload);
  const items = measures.data?.items ?? [];
  const updated = items.reduce((latest, m) => (m.updatedAt > latest ? m.updatedAt : latest), '');

  return (
    <PageShell
      requireAuth={false}
      header={
        <Text className='cx-public-intro'>
          管城回族区联合惩戒措施实行清单管理：每项措施都有法律依据、适用名单、严重程度和期限，清单以外的措施不得采用。
          {updated ? `清单更新于 ${chinaDate(updated)}。` : ''}
        </Text>
      }
      loading={measures.loading && !measures.data}
      error={measures.error}
      onRetry={measures.reload}
      empty={Boolean(measures.data) && items.length === 0}
      emptyTitle='清单暂无措施'
    >
      <View data-testid='public-measures'>
        {items.map((m) => (
          <MeasureCard key={m.id} measure={m} />
        ))}
      </View>
    </PageShell>
  );
}
