import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import type { CreditEventView } from '../../../services/api';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { useToken } from '../../../services/session';
import StatusBadge from '../components/status-badge';
import { chinaDate, countedText, SEVERITY_LABELS, signedPoints } from '../shared/format';
import { loadEvent } from './load-event';
import './index.scss';

function Row({ label, children, testId }: { label: string; children: string; testId?: string }) {
  return (
    <View className='cx-event__row'>
      <Text className='cx-event__label'>{label}</Text>
      <Text className='cx-event__value' data-testid={testId}>
        {children}
      </Text>
    </View>
  );
}

// Taro passes query values encoded on some platforms and decoded on others.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function countsUntilText(e: CreditEventView): string {
  const day = chinaDate(e.countsUntil);
  return e.status === 'expired' ? `${day} 起已不再计分` : `${day} 后不再计分`;
}

function EventDetail({ event: e }: { event: CreditEventView }) {
  const negative = e.points < 0;
  const sign = e.points > 0 ? 'up' : negative ? 'down' : 'zero';
  return (
    <View data-testid='event-detail'>
      <View className='cx-card cx-event__head'>
        <View className='cx-event__head-top'>
          <Text className='cx-event__title' data-testid='event-detail-title'>
            {e.title}
          </Text>
          <StatusBadge status={e.status} testId='event-detail-status' />
        </View>
        <Text className={`cx-event__points cx-event__points--${sign}`} data-testid='event-detail-points'>
          {countedText(e)}
        </Text>
        <Text className='cx-event__when'>{chinaDate(e.occurredAt)} · {e.department}</Text>
      </View>

      {negative && e.repairableFrom && e.status !== 'repaired' && (
        <View className='cx-card cx-event__repair' data-testid='event-repair'>
          <Text className='cx-event__repair-title'>信用修复</Text>
          <Text className='cx-event__repair-text'>可于 {chinaDate(e.repairableFrom)} 后申请信用修复（免费）</Text>
          <Text className='cx-text-secondary'>纠正失信行为、履行相关义务后，可向报送部门申请修复；修复不收取任何费用。</Text>
        </View>
      )}

      <View className='cx-card'>
        <Text className='cx-section-title'>记录依据</Text>
        <Row label='适用规则'>{`${e.title}（${e.ruleId}）`}</Row>
        <Row label='规则版本'>{`信用规则目录第 ${e.ruleVersion} 版`}</Row>
        <Row label='信用维度'>{e.dimensionLabel}</Row>
        <Row label='法律依据' testId='event-legal-basis'>
          {e.legalBasis || '—'}
        </Row>
        <Row label='报送部门' testId='event-department'>
          {e.department}
        </Row>
        {negative && e.severity && <Row label='严重程度'>{`${SEVERITY_LABELS[e.severity]}失信`}</Row>}
      </View>

      <View className='cx-card'>
        <Text className='cx-section-title'>计分情况</Text>
        <Row label='规则分值'>{`${signedPoints(e.points)} 分`}</Row>
        <Row label='当前计分' testId='event-counted'>
          {`${signedPoints(e.countedPoints)} 分`}
        </Row>
        <Row label='发生日期'>{chinaDate(e.occurredAt)}</Row>
        <Row label='计分期限' testId='event-counts-until'>
          {countsUntilText(e)}
        </Row>
        {e.countedPoints !== e.points && e.status === 'active' && (
          <Text className='cx-event__note'>同一规则每年计分有上限，超出部分本年度不再计入。</Text>
        )}
        {e.status === 'disputed' && (
          <Text className='cx-event__note'>您对这条记录提出的异议正在处理中，报送部门会给出答复和理由。</Text>
        )}
      </View>

      <View
        className='cx-event__link'
        hoverClass='cx-event__link--pressed'
        onClick={() => void Taro.navigateTo({ url: RESIDENT_PAGES.rules })}
      >
        <Text>查看全部信用规则 ›</Text>
      </View>
    </View>
  );
}

/** One credit event: the rule, its legal basis, who reported it, what it counts and until when. */
export default function EventPage() {
  const { params } = useRouter();
  const id = safeDecode(params.id ?? '');
  const token = useToken();
  const event = useRequest(() => loadEvent(id), [token, id], token !== null && id !== '');

  return (
    <PageShell
      loading={event.loading && !event.data}
      error={event.error}
      onRetry={event.reload}
      empty={id === '' || event.data === null}
      emptyTitle='未找到这条信用记录'
      emptyDescription='记录可能已被报送部门撤回，请返回信用记录列表查看。'
      emptyAction={{ text: '返回我的信用', onClick: () => void Taro.redirectTo({ url: RESIDENT_PAGES.credit }) }}
    >
      {event.data && <EventDetail event={event.data} />}
    </PageShell>
  );
}
