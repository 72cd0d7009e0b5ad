import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import type { DepartmentMe } from '../../../services/department-api';
import { declareDecisionCount, DISCLOSURE_PAGES, getDisclosures, KIND_LABELS, type DeclaredCount, type DepartmentDisclosure } from '../../../services/disclosures-api';
import { chinaDate, chinaDateTime, chinaToday } from '../../../services/time';
import { labelled } from '../../../components/field-label';
import { callFailureText } from '../shared/codes';
import SectionState from '../shared/section-state';
import { DepartmentShell, isSuspended, useDepartmentMe } from '../shared/workbench';
import '../records/index.scss';
import './index.scss';

const PAGE_SIZE = 20;
const SEVERITY_TEXT = { light: '轻微', general: '一般', serious: '严重' } as const;

/** 公示至: the last day a penalty is public (its end is the first instant after it). */
export function publicityText(d: DepartmentDisclosure): string {
  if (d.status === 'revoked') return '已撤销，不再公示';
  if (d.kind === 'license') return '长期公示';
  if (d.publicUntil === null) {
    if (d.simpleProcedure) return '简易程序，不予公示';
    return (d.severity ?? 'light') === 'light' ? '轻微失信，不予公示' : '仅警告，不予公示';
  }
  const last = chinaDate(new Date(new Date(d.publicUntil).getTime() - 1).toISOString());
  return d.creditRecordState === 'repaired' ? `已信用修复，公示至 ${last}` : `公示至 ${last}`;
}

function DisclosureCard({ item }: { item: DepartmentDisclosure }) {
  return (
    <View className='cx-dept-card cx-disc' data-testid='disclosure-item' data-source={item.sourceId} data-late={item.late ? 'yes' : 'no'}>
      <View className='cx-disc__head'>
        <Text className='cx-disc__title' data-testid='disclosure-party'>
          {item.partyName}
        </Text>
        <Text className={`cx-dept-chip cx-dept-chip--${item.kind === 'penalty' ? 'bad' : 'info'}`}>{KIND_LABELS[item.kind]}</Text>
      </View>
      <View className='cx-disc__line'>
        {item.late ? (
          <Text className='cx-dept-chip cx-dept-chip--warn' data-testid='disclosure-late'>
            迟报
          </Text>
        ) : (
          <Text className='cx-dept-chip cx-dept-chip--ok'>按时</Text>
        )}
        {item.status === 'revoked' && <Text className='cx-dept-chip cx-dept-chip--muted'>已撤销</Text>}
        {item.kind === 'penalty' && <Text className='cx-disc__severity'>{SEVERITY_TEXT[item.severity ?? 'light']}失信</Text>}
        <Text className={`cx-disc__public${item.published ? ' cx-disc__public--on' : ''}`} data-testid='disclosure-public'>
          {publicityText(item)}
        </Text>
      </View>
      <View className='cx-disc__facts'>
        <Text className='cx-disc__fact'>文号：{item.decisionNo}</Text>
        <Text className='cx-disc__fact'>统一社会信用代码：{item.uscc}</Text>
        <Text className='cx-disc__fact'>
          {item.category} · {item.content}
          {item.fineYuan !== undefined ? ` · 罚款 ${item.fineYuan.toLocaleString('zh-CN')} 元` : ''}
        </Text>
        <Text className='cx-disc__fact'>
          决定：{item.decidedOn} · 报送：{chinaDateTime(item.receivedAt)}
        </Text>
        {item.late && <Text className='cx-disc__fact cx-disc__fact--late'>报送期限：{chinaDate(new Date(new Date(item.deadline).getTime() - 1).toISOString())}（决定后 7 个工作日内）</Text>}
        {item.kind === 'license' && item.validFrom && (
          <Text className='cx-disc__fact'>
            有效期：{item.validFrom} 至 {item.validTo}
          </Text>
        )}
        <Text className='cx-disc__fact cx-disc__fact--source'>数据编号：{item.sourceId}</Text>
      </View>
    </View>
  );
}

function DeclareCard({ user }: { user: DepartmentMe }) {
  const today = chinaToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [count, setCount] = useState('');
  const [answer, setAnswer] = useState<DeclaredCount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const n = Number(count);
    if (!/^\d+$/.test(count) || !Number.isInteger(n)) {
      setError('请填写本月作出的决定总数（整数）');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAnswer(await declareDecisionCount(month, n, { silent: true }));
    } catch (e) {
      setError(callFailureText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='cx-dept-card cx-disc-declare' data-testid='disclosure-declare'>
      <Text className='cx-dept-card__title'>申报月度决定总数</Text>
      <Text className='cx-dept-card__text'>填写本部门当月作出的许可和处罚决定总数，信用中心据此统计漏报（总数 − 已报送）。</Text>
      <View className='cx-disc-declare__row'>
        <Picker mode='date' fields='month' value={month} end={today.slice(0, 7)} onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}>
          <Text className='cx-disc-declare__month' data-testid='disclosure-declare-month'>
            {month}
          </Text>
        </Picker>
        <Input
          className='cx-disc-declare__count'
          type='number'
          value={count}
          placeholder='决定总数'
          data-testid='disclosure-declare-count'
          {...labelled('决定总数')}
          onInput={(e) => setCount(e.detail.value.trim())}
        />
        <Button className='cx-btn cx-disc-declare__send' data-testid='disclosure-declare-send' disabled={busy || isSuspended(user) ? true : undefined} onClick={() => void submit()}>
          申报
        </Button>
      </View>
      {error && (
        <Text className='cx-dept-error' role='alert'>
          {error}
        </Text>
      )}
      {answer && (
        <Text className='cx-dept-card__text' data-testid='disclosure-declare-result'>
          {answer.month}：申报 {answer.declared} 件，已报送 {answer.received} 件{answer.missing > 0 ? `，漏报 ${answer.missing} 件` : '，无漏报'}
        </Text>
      )}
    </View>
  );
}

function DisclosureList({ user }: { user: DepartmentMe }) {
  const list = usePagedList((cursor) => getDisclosures({ limit: PAGE_SIZE, cursor }), [user.orgId]);
  usePullToRefresh(list.reload);
  useReloadOnReturn(() => void list.reload());
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
  return (
    <SectionState
      loading={list.loading}
      error={list.error}
      onRetry={() => void list.reload()}
      empty={list.items.length === 0}
      emptyTitle='还没有报送过双公示信息'
      emptyDescription='报送的行政许可和行政处罚决定会按时间倒序显示在这里，并标明是否迟报和公示期限。'
      testId='disclosures'
    >
      <View data-testid='disclosures-list'>
        <Text className='cx-records__intro'>决定作出后 7 个工作日内报送为按时，超过的标为「迟报」并计入本部门统计。</Text>
        <View className='cx-records__grid'>
          {list.items.map((d) => (
            <DisclosureCard key={d.sourceId} item={d} />
          ))}
        </View>
        <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} testId='disclosures-foot' />
      </View>
    </SectionState>
  );
}

/** 双公示: the department's licensing and penalty decisions with 迟报 flags and 公示至 dates. */
export default function DisclosuresPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='双公示'>
      {(user) => (
        <View>
          <View className='cx-records__actions'>
            <Button className='cx-btn' data-testid='disclosures-submit' onClick={() => void Taro.navigateTo({ url: DISCLOSURE_PAGES.submit })}>
              报送一项决定
            </Button>
            <Button className='cx-btn cx-btn--secondary' data-testid='disclosures-upload' onClick={() => void Taro.navigateTo({ url: DISCLOSURE_PAGES.upload })}>
              批量上传
            </Button>
          </View>
          <DisclosureList user={user} />
          <DeclareCard user={user} />
        </View>
      )}
    </DepartmentShell>
  );
}
