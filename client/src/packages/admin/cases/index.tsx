import { useState } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import Segmented from '../../../components/segmented';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRequest } from '../../../hooks/use-request';
import { getOrgs } from '../../../services/admin-api';
import type { Me } from '../../../services/api';
import { listCases, type CaseKind, type CaseView } from '../../../services/rights-api';
import { useToken } from '../../../services/session';
import { chinaDate, chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import StateBlock from '../shared/state-block';
import AnswerForm from './answer-form';
import '../shared/console.scss';
import './index.scss';

const PAGE_SIZE = 20;
const KINDS = [
  { value: 'objection', label: '异议' },
  { value: 'repair', label: '信用修复' },
] as const;
const FILTERS = [
  { value: 'OPEN', label: '待处理' },
  { value: 'ALL', label: '全部' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const TONE: Record<CaseView['status'], string> = { OPEN: 'open', UPHELD: 'ok', APPROVED: 'ok', REJECTED: 'bad', SUPERSEDED: 'ok' };

function QueueCard({ c, showDepartment, onAnswered }: { c: CaseView; showDepartment: boolean; onAnswered: (answered: CaseView) => void }) {
  const [answering, setAnswering] = useState(false);
  const open = c.status === 'OPEN';
  return (
    <View className={`cx-console-card cx-queue${c.overdue ? ' cx-queue--overdue' : ''}`} data-testid='queue-item' data-case-id={c.id} data-status={c.status}>
      <View className='cx-queue__head'>
        <Text className='cx-queue__title' data-testid='queue-title'>
          {c.eventTitle}
        </Text>
        <Text className={`cx-queue__tag cx-queue__tag--${TONE[c.status]}`} data-testid='queue-status'>
          {c.statusLabel}
        </Text>
      </View>
      <Text className='cx-queue__meta'>
        {c.kind === 'objection' ? '异议' : '信用修复'} · {chinaDateTime(c.createdAt)} 提交{showDepartment ? ` · ${c.department.name}` : ''}
      </Text>
      {open && (
        <Text className={`cx-queue__deadline${c.overdue ? ' cx-queue__deadline--overdue' : ''}`} data-testid='queue-deadline'>
          {c.overdue ? `已超期：答复期限为 ${chinaDate(c.deadline)}` : `答复期限 ${chinaDate(c.deadline)}`}
        </Text>
      )}
      <View className='cx-queue__block'>
        <Text className='cx-queue__block-label'>{c.kind === 'objection' ? '申请人的异议理由' : '申请人的修复说明'}</Text>
        <Text className='cx-queue__block-text' data-testid='queue-text'>
          {c.text}
        </Text>
      </View>
      {c.answer && (
        <View className='cx-queue__block cx-queue__block--answer' data-testid='queue-answer'>
          <Text className='cx-queue__block-label'>答复{c.answeredAt ? `（${chinaDateTime(c.answeredAt)}）` : ''}</Text>
          <Text className='cx-queue__block-text'>{c.answer}</Text>
        </View>
      )}
      {open && !answering && (
        <Button className='cx-btn cx-btn--block cx-queue__answer' data-testid='queue-answer-open' onClick={() => setAnswering(true)}>
          答复
        </Button>
      )}
      {open && answering && (
        <AnswerForm
          c={c}
          onAnswered={(a) => {
            setAnswering(false);
            onAnswered(a);
          }}
          onCancel={() => setAnswering(false)}
        />
      )}
    </View>
  );
}

function DepartmentPicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const orgs = useRequest(() => getOrgs('department'), []);
  return (
    <View className='cx-console-card' data-testid='department-picker'>
      <Text className='cx-console-card__title'>选择部门</Text>
      <StateBlock loading={orgs.loading && !orgs.data} error={orgs.error} onRetry={() => void orgs.reload()} testId='departments'>
        <View className='cx-queue__chips'>
          {(orgs.data?.items ?? []).map((o) => (
            <View
              role='button'
              key={o.id}
              className={`cx-queue__chip${o.id === value ? ' cx-queue__chip--active' : ''}`}
              data-testid={`department-${o.id}`}
              onClick={() => onChange(o.id)}
            >
              <Text>{o.name}</Text>
            </View>
          ))}
        </View>
      </StateBlock>
    </View>
  );
}

function Queue({ me, refresh }: { me: Me; refresh: number }) {
  const { params } = useRouter();
  const token = useToken();
  const centre = me.roles.includes('admin');
  const [kind, setKind] = useState<CaseKind>(params.kind === 'repair' ? 'repair' : 'objection');
  const [filter, setFilter] = useState<Filter>('OPEN');
  const [department, setDepartment] = useState<string | null>(params.department ?? (centre ? null : me.orgId ?? null));
  // Cases answered here, shown with their answer (the server agrees once the list reloads).
  const [answered, setAnswered] = useState<Record<string, CaseView>>({});
  const enabled = !centre || department !== null;
  const cases = usePagedList(
    (cursor) =>
      listCases(kind, { limit: PAGE_SIZE, cursor, status: filter === 'OPEN' ? 'OPEN' : undefined, department: centre ? department ?? undefined : undefined }),
    [token, kind, filter, department, refresh],
    enabled,
  );
  useReachBottom(() => {
    if (cases.hasMore && !cases.moreError) void cases.loadMore();
  });

  const items = cases.items.map((c) => answered[c.id] ?? c);
  const overdue = items.filter((c) => c.status === 'OPEN' && c.overdue).length;

  return (
    <View data-testid='queue-page'>
      {centre && <DepartmentPicker value={department} onChange={setDepartment} />}
      <Segmented options={KINDS} value={kind} onChange={setKind} testId='queue-kind' />
      <Segmented options={FILTERS} value={filter} onChange={setFilter} testId='queue-filter' />
      {!enabled ? (
        <Text className='cx-text-secondary'>请先选择要查看的部门。</Text>
      ) : (
        <StateBlock
          loading={cases.loading}
          error={cases.error}
          onRetry={() => void cases.reload()}
          empty={items.length === 0 && !cases.hasMore}
          emptyTitle={filter === 'OPEN' ? '没有待处理的申请' : '暂无申请'}
          emptyDescription='居民或企业提出异议、申请信用修复后，会出现在这里。'
          testId='queue'
        >
          {overdue > 0 && (
            <Text className='cx-queue__summary' data-testid='queue-overdue-summary'>
              {overdue} 件已超过答复期限，请尽快处理。
            </Text>
          )}
          <View className='cx-console__grid'>
            {items.map((c) => (
              <QueueCard
                key={c.id}
                c={c}
                showDepartment={centre}
                onAnswered={(a) => {
                  setAnswered((m) => ({ ...m, [a.id]: a }));
                  Taro.showToast({ title: '已答复', icon: 'success' }).catch(() => undefined);
                }}
              />
            ))}
          </View>
          <ListFoot loadingMore={cases.loadingMore} moreError={cases.moreError} hasMore={cases.hasMore} onMore={() => void cases.loadMore()} testId='queue-foot' />
        </StateBlock>
      )}
    </View>
  );
}

/** A department's (or, by department, the centre's) queue of objections and repair applications. */
export default function CasesQueuePage() {
  return (
    <ConsoleFrame
      roles={['admin', 'department']}
      nav='cases'
      title={(me) => (me.roles.includes('admin') ? '异议与修复队列' : '异议与修复处理')}
    >
      {(me, refresh) => <Queue me={me} refresh={refresh} />}
    </ConsoleFrame>
  );
}
