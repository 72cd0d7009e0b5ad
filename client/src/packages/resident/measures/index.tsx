import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import MeasureCard from '../../../components/measure-card';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import { getMyMeasures, type AppliedMeasure } from '../../../services/rights-api';
import { PUBLIC_PAGES, RIGHTS_PAGES, subjectEventPage } from '../../../services/rights-pages';
import { useToken } from '../../../services/session';
import { chinaDate } from '../../../services/time';
import { subjectOf, useMe } from '../rights/use-subject';
import '../rights/rights.scss';

const QUIET = ['REAL_NAME_REQUIRED', 'NOT_REGISTERED', 'CONSENT_WITHDRAWN'];
const open = (url: string) => () => void Taro.navigateTo({ url });

function Applied({ item, onRecord }: { item: AppliedMeasure; onRecord: () => void }) {
  return (
    <MeasureCard
      measure={item.measure}
      testId='my-measure'
      lead={
        <View className='cx-item__block' data-testid='my-measure-because'>
          <Text className='cx-item__block-label'>因为这条记录</Text>
          <Text className='cx-item__block-text'>{item.because.title}</Text>
          <Text className='cx-item__block-label'>限制至 {chinaDate(item.until)}，影响：{item.affectsLabels.join('、')}</Text>
          <Text role='button' className='cx-item__link' onClick={onRecord}>
            查看记录、提出异议或申请修复 ›
          </Text>
        </View>
      }
    />
  );
}

/** 联合惩戒: the listed measures that restrict me now, why, until when, and how to get out. */
export default function MyMeasuresPage() {
  const token = useToken();
  const me = useMe();
  const measures = useRequest(() => getMyMeasures({ quietCodes: QUIET }), [token], token !== null);
  usePullToRefresh(measures.reload);
  const code = isApiError(measures.error) ? measures.error.code : null;
  const blocked = code !== null && QUIET.includes(code);
  const subject = me.data ? subjectOf(me.data) : 'person';
  const items = measures.data?.items ?? [];

  return (
    <PageShell
      header={
        <Text className='cx-rights-intro'>
          联合惩戒只能采用公开清单中的措施，并与失信程度相当（过惩相当）：轻微失信不会触发针对严重失信的措施。
        </Text>
      }
      loading={measures.loading && !measures.data}
      error={blocked ? undefined : measures.error}
      onRetry={measures.reload}
      empty={blocked}
      emptyTitle={code === 'NOT_REGISTERED' ? '企业尚未认证' : code === 'CONSENT_WITHDRAWN' ? '积分已暂停' : '请先完成实名认证'}
      emptyDescription={code === 'CONSENT_WITHDRAWN' ? '您已撤回个人敏感信息处理授权，重新授权后可查看。' : '认证后即可查看对您适用的措施。'}
      emptyAction={code === 'CONSENT_WITHDRAWN' ? { text: '去授权管理', onClick: open(RIGHTS_PAGES.consents) } : undefined}
    >
      {measures.data && (
        <View data-testid='my-measures'>
          {items.length === 0 ? (
            <View className='cx-card' data-testid='my-measures-none'>
              <Text className='cx-section-title'>目前没有对您适用的惩戒措施</Text>
              <Text className='cx-text-secondary'>
                {subject === 'enterprise'
                  ? '没有惩戒措施限制企业申请信易贷；能否获批仍以各产品的准入条件为准。'
                  : '没有惩戒措施限制您享受信易+ 守信激励；能否享受仍以各场景的积分等条件为准。'}
              </Text>
            </View>
          ) : (
            items.map((item) => (
              <Applied
                key={`${item.measure.id}-${item.because.eventId}`}
                item={item}
                onRecord={open(subjectEventPage(item.because.eventId, subject))}
              />
            ))
          )}
          <View role='button' className='cx-link-row' data-testid='public-measures-link' onClick={open(PUBLIC_PAGES.measures)}>
            <Text>查看全部公开的联合惩戒措施清单 ›</Text>
          </View>
        </View>
      )}
    </PageShell>
  );
}
