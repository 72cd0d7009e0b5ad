import { Text, View } from '@tarojs/components';
import PageShell from '../../components/page-shell';
import PointsCard from '../../components/points-card';
import { getMyPoints, isApiError } from '../../services/api';
import { useToken } from '../../services/session';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import './index.scss';

const BASE_POINTS = 100;

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The make-up of the resident's points: base 100 plus each dimension's sum. */
export default function PointsPage() {
  const token = useToken();
  const points = useRequest(() => getMyPoints({ quietCodes: ['REAL_NAME_REQUIRED', 'FORBIDDEN'] }), [token], token !== null);
  usePullToRefresh(points.reload);

  const code = isApiError(points.error) ? points.error.code : null;
  const expected = code === 'REAL_NAME_REQUIRED' || code === 'FORBIDDEN';
  const data = points.data;

  return (
    <PageShell
      loading={points.loading && !data}
      error={expected ? undefined : points.error}
      onRetry={points.reload}
      empty={expected}
      emptyTitle={code === 'REAL_NAME_REQUIRED' ? '请先完成实名认证' : '仅居民可查看信用积分'}
      emptyDescription={
        code === 'REAL_NAME_REQUIRED' ? '完成实名认证并同意个人信息处理授权后，即可查看信用积分。' : '当前账号不是居民账号。'
      }
    >
      {data && (
        <View data-testid='points-page'>
          <PointsCard points={data} />
          <View className='cx-card'>
            <Text className='cx-section-title'>积分构成</Text>
            <View className='cx-dims__row'>
              <Text className='cx-dims__label'>基础分</Text>
              <Text className='cx-dims__value'>{BASE_POINTS}</Text>
            </View>
            {data.dimensions.map((d) => (
              <View key={d.code} className='cx-dims__row'>
                <Text className='cx-dims__label'>{d.label}</Text>
                <Text
                  className={`cx-dims__value ${d.points > 0 ? 'cx-dims__value--up' : d.points < 0 ? 'cx-dims__value--down' : ''}`}
                >
                  {signed(d.points)}
                </Text>
              </View>
            ))}
            <Text className='cx-dims__note'>
              积分由基础分 100 分加各维度的加减分构成，范围 0–200 分。数据更新于 {formatTime(data.asOf)}。
            </Text>
          </View>
        </View>
      )}
    </PageShell>
  );
}
