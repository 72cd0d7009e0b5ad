import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import type { CreditEventView } from '../../../services/api';
import { openInLoop } from '../../../services/navigation';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import type { CaseKind, OpenedCase } from '../../../services/rights-api';
import { RECORD_CASES_LOOP, RIGHTS_PAGES, type EventSubject } from '../../../services/rights-pages';
import { useToken } from '../../../services/session';
import StatusBadge from '../components/status-badge';
import { canObject, repairAvailability } from '../rights/availability';
import CaseForm from '../rights/case-form';
import { creditChanged } from '../rights/changes';
import { rememberEvents } from '../shared/event-cache';
import { chinaDate, countedText, SEVERITY_LABELS, signedPoints } from '../shared/format';
import { loadEvent } from './load-event';
import { labelValueRow } from '../../../components/label-value';
import './index.scss';

const Row = labelValueRow('cx-event');

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

const openCases = () => void openInLoop(RIGHTS_PAGES.cases, RECORD_CASES_LOOP);

interface RightsProps {
  event: CreditEventView;
  /** The deadline of a case opened on this page (the list does not carry it). */
  deadlines: Partial<Record<CaseKind, string>>;
  onOpened: (kind: CaseKind, opened: OpenedCase) => void;
}

function Pending({ text, deadline, testId }: { text: string; deadline?: string; testId: string }) {
  return (
    <View className='cx-event__pending' data-testid={testId}>
      <Text className='cx-event__pending-title'>{text}</Text>
      <Text className='cx-event__pending-desc'>
        {deadline ? `报送部门应于 ${chinaDate(deadline)} 前答复并说明理由。` : '报送部门会在 5 个工作日内答复并说明理由。'}
      </Text>
      <Text role='button' className='cx-event__pending-link' onClick={openCases}>
        查看异议与修复 ›
      </Text>
    </View>
  );
}

/** 提出异议 and 申请信用修复: what the subject may do about this record, and what is under way. */
function Rights({ event: e, deadlines, onOpened }: RightsProps) {
  const [form, setForm] = useState<CaseKind | null>(null);
  const repair = repairAvailability(e, new Date(Date.now()));
  const opened = (kind: CaseKind) => (c: OpenedCase) => {
    setForm(null);
    onOpened(kind, c);
  };

  return (
    <View>
      {repair.state !== 'none' && repair.state !== 'repaired' && (
        <View className='cx-card cx-event__repair' data-testid='event-repair' data-state={repair.state}>
          <Text className='cx-event__repair-title'>信用修复</Text>
          {repair.state === 'pending' ? (
            <Pending text='修复申请处理中' deadline={deadlines.repair} testId='repair-pending' />
          ) : (
            <Text className='cx-event__repair-text' data-testid='repair-message'>
              {repair.message}
            </Text>
          )}
          {(repair.state === 'available' || repair.state === 'waiting') && form !== 'repair' && (
            <Button
              className='cx-btn cx-btn--block cx-event__action'
              data-testid='repair-open'
              disabled={repair.enabled ? undefined : true}
              onClick={repair.enabled ? () => setForm('repair') : undefined}
            >
              申请信用修复
            </Button>
          )}
          {form === 'repair' && <CaseForm kind='repair' eventId={e.id} onDone={opened('repair')} onCancel={() => setForm(null)} />}
        </View>
      )}

      {e.status !== 'repaired' && (
        <View className='cx-card' data-testid='event-objection'>
          <Text className='cx-section-title'>异议</Text>
          {e.openObjectionId ? (
            <Pending text='异议处理中' deadline={deadlines.objection} testId='objection-pending' />
          ) : (
            <Text className='cx-text-secondary'>
              认为这条记录有误（信息错误、遗漏、超期公示或涉及隐私），可以提出异议；处理期间记录标注「异议处理中」，报送部门会答复并说明理由。
            </Text>
          )}
          {canObject(e) && form !== 'objection' && (
            <Button className='cx-btn cx-btn--secondary cx-btn--block cx-event__action' data-testid='objection-open' onClick={() => setForm('objection')}>
              提出异议
            </Button>
          )}
          {form === 'objection' && <CaseForm kind='objection' eventId={e.id} onDone={opened('objection')} onCancel={() => setForm(null)} />}
        </View>
      )}
    </View>
  );
}

function EventDetail({ event: e, deadlines, onOpened }: RightsProps) {
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

      <Rights event={e} deadlines={deadlines} onOpened={onOpened} />

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
        role='button'
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
  const subject: EventSubject = params.subject === 'enterprise' ? 'enterprise' : 'person';
  const token = useToken();
  const event = useRequest(() => loadEvent(id, subject), [token, id, subject], token !== null && id !== '');
  // The record as changed here (a case opened), until the next load.
  const [changed, setChanged] = useState<CreditEventView | null>(null);
  const [deadlines, setDeadlines] = useState<Partial<Record<CaseKind, string>>>({});
  const shown = changed && changed.id === event.data?.id ? changed : event.data;

  const onOpened = (kind: CaseKind, opened: OpenedCase) => {
    if (!shown) return;
    const next: CreditEventView =
      kind === 'objection' ? { ...shown, status: 'disputed', openObjectionId: opened.id } : { ...shown, openRepairId: opened.id };
    rememberEvents([next]);
    setChanged(next);
    setDeadlines((d) => ({ ...d, [kind]: opened.deadline }));
    creditChanged();
    Taro.showToast({ title: kind === 'objection' ? '异议已提交' : '修复申请已提交', icon: 'success' }).catch(() => undefined);
  };

  return (
    <PageShell
      loading={event.loading && !event.data}
      error={event.error}
      onRetry={event.reload}
      empty={id === '' || event.data === null}
      emptyTitle='未找到这条信用记录'
      emptyDescription='记录可能已被报送部门撤回，请返回信用记录列表查看。'
      emptyAction={
        subject === 'enterprise'
          ? { text: '返回', onClick: () => void Taro.navigateBack() }
          : { text: '返回我的信用', onClick: () => void Taro.redirectTo({ url: RESIDENT_PAGES.credit }) }
      }
    >
      {shown && <EventDetail event={shown} deadlines={deadlines} onOpened={onOpened} />}
    </PageShell>
  );
}
