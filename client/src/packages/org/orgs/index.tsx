import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import FilterChip from '../../../components/filter-chip';
import ListFoot from '../../../components/list-foot';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useReloadOnReturn } from '../../../hooks/use-refresh';
import { orgEditPage, staffPage } from '../../../services/org-pages';
import { listOrgs, resumeOrg, suspendOrg, type OrgStatus, type OrgType, type OrgView } from '../../../services/orgs-api';
import { chinaDate } from '../../../services/time';
import ConsoleFrame from '../../admin/shared/console';
import StateBlock from '../../admin/shared/state-block';
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS, REGISTRY_LABELS } from '../shared/labels';
import '../../admin/shared/console.scss';
import '../shared/org.scss';

const PAGE_SIZE = 20;

type TypeFilter = 'all' | 'merchant' | 'bank' | 'department';
type StatusFilter = 'all' | OrgStatus;

const TYPE_FILTERS: ReadonlyArray<{ value: TypeFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'merchant', label: '商户' },
  { value: 'bank', label: '银行' },
  { value: 'department', label: '部门' },
];

const STATUS_FILTERS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: '全部状态' },
  { value: 'active', label: '正常' },
  { value: 'suspended', label: '已暂停' },
];

/** What a suspension stops, by type, so the centre knows what it is about to do. */
const SUSPENSION_EFFECT: Partial<Record<OrgType, string>> = {
  merchant: '暂停后，该商户不能再核销信易+ 凭证。',
  bank: '暂停后，该银行的信易贷产品从产品市场下架，企业不能再向其申请。',
  department: '暂停后，该部门不能再报送信用记录。',
};

/** Only merchants, banks and departments are managed here; businesses register themselves. */
const managed = (type: OrgType) => type === 'merchant' || type === 'bank' || type === 'department';

function feedsSummary(org: OrgView): string | null {
  if (org.type !== 'department') return null;
  const rules = org.feeds?.rules?.length ?? 0;
  const registries = (org.feeds?.registries ?? []).map((r) => REGISTRY_LABELS[r]);
  const parts = [`本部门规则${rules > 0 ? `及其他 ${rules} 条规则` : ''}`, ...registries];
  return `可报送：${parts.join('、')}`;
}

interface OrgCardProps {
  org: OrgView;
  onSuspend: () => void;
  onResume: () => void;
}

function OrgCard({ org, onSuspend, onResume }: OrgCardProps) {
  const suspended = org.status === 'suspended';
  const feeds = feedsSummary(org);
  return (
    <View className={`cx-console-card cx-org${suspended ? ' cx-org--suspended' : ''}`} data-testid='org-item'>
      <View className='cx-org__head'>
        <Text className='cx-org__name' data-testid='org-name'>
          {org.name}
        </Text>
        <Text className={`cx-org__status cx-org__status--${org.status}`} data-testid='org-status'>
          {ORG_STATUS_LABELS[org.status]}
        </Text>
      </View>
      <View className='cx-org__meta'>
        <Text className='cx-org__type'>{ORG_TYPE_LABELS[org.type]}</Text>
        {org.uscc && <Text className='cx-org__code'>{org.uscc}</Text>}
      </View>
      <Text className='cx-org__facts'>
        {org.staffCount !== undefined ? `工作人员 ${org.staffCount} 人 · ` : ''}建立于 {chinaDate(org.createdAt)}
      </Text>
      {feeds && <Text className='cx-org__facts'>{feeds}</Text>}
      {suspended && (
        <Text className='cx-org__reason' data-testid='org-reason'>
          暂停原因：{org.suspendedReason || '未填写'}
        </Text>
      )}
      <View className='cx-org__actions'>
        {managed(org.type) && (
          <Button className='cx-btn cx-btn--secondary cx-org__btn' data-testid='org-edit' onClick={() => void Taro.navigateTo({ url: orgEditPage(org.id) })}>
            编辑
          </Button>
        )}
        {org.type !== 'enterprise' && (
          <Button className='cx-btn cx-btn--secondary cx-org__btn' data-testid='org-staff' onClick={() => void Taro.navigateTo({ url: staffPage(org.id) })}>
            员工
          </Button>
        )}
        {managed(org.type) &&
          (suspended ? (
            <Button className='cx-btn cx-org__btn' data-testid='org-resume' onClick={onResume}>
              恢复
            </Button>
          ) : (
            <Button className='cx-btn cx-btn--danger cx-org__btn' data-testid='org-suspend' onClick={onSuspend}>
              暂停
            </Button>
          ))}
      </View>
    </View>
  );
}

type Pending = { kind: 'suspend' | 'resume'; org: OrgView };

function OrgList({ refresh }: { refresh: number }) {
  const [type, setType] = useState<TypeFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [pending, setPending] = useState<Pending | null>(null);
  // Organisations changed here since the list loaded: shown at once, without loading the list again.
  const [changed, setChanged] = useState<Record<string, OrgView>>({});
  const list = usePagedList(
    (cursor) => listOrgs({ type: type === 'all' ? undefined : type, status: status === 'all' ? undefined : status, limit: PAGE_SIZE, cursor }),
    [type, status, refresh],
  );
  useReloadOnReturn(list.reload);
  // A fresh first page is the server's word: forget the local changes (a further page keeps them).
  useEffect(() => {
    if (list.loading) setChanged({});
  }, [list.loading]);

  const apply = (org: OrgView) => {
    setChanged((c) => ({ ...c, [org.id]: org }));
    setPending(null);
  };

  const suspend = async (org: OrgView, reason: string) => {
    apply(await suspendOrg(org.id, reason, { silent: true }));
    Taro.showToast({ title: '已暂停', icon: 'success' }).catch(() => undefined);
  };

  const resume = async (org: OrgView) => {
    apply(await resumeOrg(org.id, { silent: true }));
    Taro.showToast({ title: '已恢复', icon: 'success' }).catch(() => undefined);
  };

  const filtered = type !== 'all' || status !== 'all';
  // The status filter is the server's; this guard keeps a page that ignored it from showing the wrong ones.
  const shown = list.items.filter((o) => status === 'all' || o.status === status);

  return (
    <View data-testid='orgs'>
      <View className='cx-console__actions'>
        <Button className='cx-btn' data-testid='org-new' onClick={() => void Taro.navigateTo({ url: orgEditPage() })}>
          新建机构
        </Button>
      </View>
      <View className='cx-org-filters'>
        <View className='cx-org-filters__row'>
          <Text className='cx-org-filters__label'>类型</Text>
          <View className='cx-org-filters__chips'>
            {TYPE_FILTERS.map((f) => (
              <FilterChip key={f.value} label={f.label} active={type === f.value} testId={`orgs-type-${f.value}`} onClick={() => setType(f.value)} />
            ))}
          </View>
        </View>
        <View className='cx-org-filters__row'>
          <Text className='cx-org-filters__label'>状态</Text>
          <View className='cx-org-filters__chips'>
            {STATUS_FILTERS.map((f) => (
              <FilterChip key={f.value} label={f.label} active={status === f.value} testId={`orgs-status-${f.value}`} onClick={() => setStatus(f.value)} />
            ))}
          </View>
        </View>
      </View>
      <StateBlock
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={shown.length === 0 && !list.hasMore}
        emptyTitle={filtered ? '没有符合条件的机构' : '还没有机构'}
        emptyDescription={filtered ? '换个筛选条件试试。' : '点「新建机构」添加商户、银行或部门。'}
        testId='orgs'
      >
        <View className='cx-console__grid'>
          {shown.map((o) => {
            const org = changed[o.id] ?? o;
            return (
              <OrgCard key={org.id} org={org} onSuspend={() => setPending({ kind: 'suspend', org })} onResume={() => setPending({ kind: 'resume', org })} />
            );
          })}
        </View>
        <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} testId='orgs-foot' />
      </StateBlock>

      {pending?.kind === 'suspend' && (
        <ConfirmDialog
          title={`暂停「${pending.org.name}」？`}
          placement='sheet'
          tone='danger'
          confirmText='确认暂停'
          input={{
            kind: 'text',
            label: '暂停原因（该机构人员可见）',
            placeholder: '如：经核查存在违规核销行为，整改期间暂停',
            maxlength: 200,
            validate: (v) => (v.trim().length < 2 ? '请填写暂停原因（至少 2 个字）' : null),
          }}
          onConfirm={(reason) => suspend(pending.org, reason)}
          onCancel={() => setPending(null)}
          testId='org-suspend-dialog'
        >
          <Text>{SUSPENSION_EFFECT[pending.org.type] ?? ''}工作人员账号保留，恢复后即可继续办理。</Text>
        </ConfirmDialog>
      )}
      {pending?.kind === 'resume' && (
        <ConfirmDialog
          title={`恢复「${pending.org.name}」？`}
          confirmText='确认恢复'
          onConfirm={() => resume(pending.org)}
          onCancel={() => setPending(null)}
          testId='org-resume-dialog'
        >
          <Text>恢复后，该机构的工作人员可以继续正常办理业务。</Text>
        </ConfirmDialog>
      )}
    </View>
  );
}

/** 机构与人员: the credit centre's organisations, filtered by type and status, paged; create, edit, suspend, resume. */
export default function OrgsPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='orgs' title={() => '机构与人员'} subtitle={() => '商户、银行、部门及其工作人员'}>
      {(_me, refresh) => <OrgList refresh={refresh} />}
    </ConsoleFrame>
  );
}
