import { useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import ListFoot from '../../../components/list-foot';
import { EmptyState } from '../../../components/page-shell';
import { usePagedList, type PagedList } from '../../../hooks/use-paged-list';
import { useRequest } from '../../../hooks/use-request';
import {
  getOrg,
  listInvitations,
  listStaff,
  removeStaff,
  revokeInvitation,
  type InvitationView,
  type OrgView,
  type StaffMe,
  type StaffMember,
} from '../../../services/orgs-api';
import { HOME_PAGE } from '../../../services/session';
import { chinaDate, chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../../admin/shared/console';
import StateBlock from '../../admin/shared/state-block';
import { INVITATION_STATUS_LABELS, ORG_STATUS_LABELS, ORG_TYPE_LABELS, STAFF_ROLE_LABELS, staffRoleFor } from '../shared/labels';
import InviteSheet from './invite-sheet';
import '../../admin/shared/console.scss';
import '../../admin/shared/fields.scss';
import '../shared/org.scss';

const PAGE_SIZE = 20;

function OrgHeader({ org, onInvite }: { org: OrgView; onInvite?: () => void }) {
  const suspended = org.status === 'suspended';
  return (
    <View className='cx-console-card' data-testid='staff-org'>
      <View className='cx-org__head'>
        <Text className='cx-org__name'>{org.name}</Text>
        <Text className={`cx-org__status cx-org__status--${org.status}`}>{ORG_STATUS_LABELS[org.status]}</Text>
      </View>
      <View className='cx-org__meta'>
        <Text className='cx-org__type'>{ORG_TYPE_LABELS[org.type]}</Text>
        {org.uscc && <Text className='cx-org__code'>{org.uscc}</Text>}
      </View>
      {suspended && (
        <Text className='cx-org__reason' data-testid='staff-org-suspended'>
          该机构已暂停：{org.suspendedReason || '未填写原因'}。暂停期间工作人员不能办理业务。
        </Text>
      )}
      {onInvite ? (
        <Button className='cx-btn cx-btn--block cx-staff-invite' data-testid='staff-invite' onClick={onInvite}>
          邀请员工
        </Button>
      ) : (
        <Text className='cx-org__facts'>企业没有工作人员账号，无需邀请。</Text>
      )}
    </View>
  );
}

function MemberRow({ member, self, onRemove }: { member: StaffMember; self: boolean; onRemove: () => void }) {
  return (
    <View className='cx-staff' data-testid='staff-item'>
      <View className='cx-staff__avatar'>
        <Text>{member.name.slice(0, 1)}</Text>
      </View>
      <View className='cx-staff__who'>
        <View className='cx-staff__line'>
          <Text className='cx-staff__name' data-testid='staff-name'>
            {member.name}
          </Text>
          {member.manager && (
            <Text className='cx-staff__badge' data-testid='staff-manager'>
              管理员
            </Text>
          )}
          {self && <Text className='cx-staff__badge cx-staff__badge--self'>本人</Text>}
        </View>
        <Text className='cx-staff__meta'>
          {STAFF_ROLE_LABELS[member.role]} · {chinaDate(member.since)} 加入
        </Text>
      </View>
      {!self && (
        <Button className='cx-btn cx-btn--danger cx-staff__action' data-testid='staff-remove' onClick={onRemove}>
          移除
        </Button>
      )}
    </View>
  );
}

function InvitationRow({ invitation, onRevoke }: { invitation: InvitationView; onRevoke: () => void }) {
  const open = invitation.status === 'open';
  return (
    <View className='cx-staff' data-testid='invitation-item'>
      <View className='cx-staff__who'>
        <View className='cx-staff__line'>
          <Text className='cx-staff__name'>{invitation.name}</Text>
          {invitation.manager && <Text className='cx-staff__badge'>管理员</Text>}
          <Text className={`cx-staff__status cx-staff__status--${invitation.status}`} data-testid='invitation-status'>
            {INVITATION_STATUS_LABELS[invitation.status]}
          </Text>
        </View>
        <Text className='cx-staff__meta'>
          {chinaDateTime(invitation.createdAt)} 发出{open ? ` · 有效期至 ${chinaDateTime(invitation.expiresAt)}` : ''}
        </Text>
      </View>
      {open && (
        <Button className='cx-btn cx-btn--secondary cx-staff__action' data-testid='invitation-revoke' onClick={onRevoke}>
          撤销
        </Button>
      )}
    </View>
  );
}

interface SectionProps<T> {
  title: string;
  list: PagedList<T>;
  /** Rows shown now (after local removals). */
  count: number;
  testId: string;
  emptyTitle: string;
  emptyDescription?: string;
  children: ReactNode;
}

/** A card holding one paged list with its own loading, error, empty state and 加载更多. */
function Section<T>({ title, list, count, testId, emptyTitle, emptyDescription, children }: SectionProps<T>) {
  return (
    <View className='cx-console-card' data-testid={testId}>
      <Text className='cx-console-card__title'>{title}</Text>
      <StateBlock
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={count === 0 && !list.hasMore}
        emptyTitle={emptyTitle}
        emptyDescription={emptyDescription}
        testId={testId}
      >
        {children}
        {(list.hasMore || list.loadingMore || list.moreError !== undefined) && (
          <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} testId={`${testId}-foot`} />
        )}
      </StateBlock>
    </View>
  );
}

function StaffArea({ me, orgId, refresh }: { me: StaffMe; orgId: string; refresh: number }) {
  const org = useRequest(() => getOrg(orgId), [orgId, refresh]);
  const staff = usePagedList((cursor) => listStaff(orgId, { limit: PAGE_SIZE, cursor }), [orgId, refresh]);
  const invitations = usePagedList((cursor) => listInvitations(orgId, { limit: PAGE_SIZE, cursor }), [orgId, refresh]);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [revoking, setRevoking] = useState<InvitationView | null>(null);
  // Changes made here, shown at once without loading the lists again.
  const [removed, setRemoved] = useState<string[]>([]);
  const [revoked, setRevoked] = useState<string[]>([]);

  const o = org.data;
  const role = o ? staffRoleFor(o.type) : null;
  const members = staff.items.filter((m) => !removed.includes(m.userId));
  const invites = invitations.items.map((i) => (revoked.includes(i.id) && i.status === 'open' ? { ...i, status: 'revoked' as const } : i));

  const remove = async (member: StaffMember) => {
    await removeStaff(orgId, member.userId, { silent: true });
    setRemoved((r) => [...r, member.userId]);
    setRemoving(null);
    Taro.showToast({ title: '已移除', icon: 'success' }).catch(() => undefined);
  };

  const revoke = async (invitation: InvitationView) => {
    await revokeInvitation(orgId, invitation.id, { silent: true });
    setRevoked((r) => [...r, invitation.id]);
    setRevoking(null);
    Taro.showToast({ title: '邀请已撤销', icon: 'success' }).catch(() => undefined);
  };

  const closeInvite = (created: boolean) => {
    setInviting(false);
    if (created) {
      setRevoked([]);
      void invitations.reload();
    }
  };

  return (
    <View data-testid='staff-page'>
      <StateBlock loading={org.loading && !o} error={org.error} onRetry={() => void org.reload()} testId='staff-org-state'>
        {o && <OrgHeader org={o} onInvite={role ? () => setInviting(true) : undefined} />}
      </StateBlock>

      <View className='cx-console__grid'>
        <Section
          title='工作人员'
          list={staff}
          count={members.length}
          testId='staff-list'
          emptyTitle='还没有工作人员'
          emptyDescription='点「邀请员工」生成邀请码，对方加入后显示在这里。'
        >
          {members.map((m) => (
            <MemberRow key={m.userId} member={m} self={m.userId === me.id} onRemove={() => setRemoving(m)} />
          ))}
        </Section>
        <Section title='邀请记录' list={invitations} count={invites.length} testId='invitation-list' emptyTitle='还没有发出邀请'>
          {invites.map((i) => (
            <InvitationRow key={i.id} invitation={i} onRevoke={() => setRevoking(i)} />
          ))}
        </Section>
      </View>

      {inviting && o && role && <InviteSheet orgId={orgId} orgName={o.name} role={role} onClose={closeInvite} />}
      {removing && (
        <ConfirmDialog title={`移除「${removing.name}」？`} tone='danger' confirmText='确认移除' onConfirm={() => remove(removing)} onCancel={() => setRemoving(null)} testId='staff-remove-dialog'>
          <Text>
            移除后，{removing.name}的账号立即失去「{STAFF_ROLE_LABELS[removing.role]}」身份，不能再代表{o?.name ?? '本单位'}办理业务。如需恢复，请重新邀请。
          </Text>
        </ConfirmDialog>
      )}
      {revoking && (
        <ConfirmDialog title={`撤销对「${revoking.name}」的邀请？`} tone='danger' confirmText='确认撤销' onConfirm={() => revoke(revoking)} onCancel={() => setRevoking(null)} testId='invitation-revoke-dialog'>
          <Text>撤销后该邀请码立即失效，对方无法再用它加入。</Text>
        </ConfirmDialog>
      )}
    </View>
  );
}

/** The centre manages every organisation's staff; a manager only their own organisation's. */
function mayManage(me: StaffMe, orgId: string | undefined): boolean {
  if (!orgId) return false;
  return me.roles.includes('admin') || (me.orgId === orgId && me.manager === true);
}

/** 员工管理: who works for the organisation, open invitations, 邀请员工 (code + QR), remove, revoke. */
export default function StaffPage() {
  const { params } = useRouter();
  const requested = params.orgId ? decodeURIComponent(params.orgId) : undefined;
  return (
    <ConsoleFrame roles={['admin', 'merchant', 'bank', 'department']} nav='orgs' title={() => '员工管理'} subtitle={() => '邀请、查看和移除工作人员'}>
      {(user, refresh) => {
        const me = user as StaffMe;
        const orgId = requested ?? me.orgId;
        return mayManage(me, orgId) && orgId ? (
          <StaffArea me={me} orgId={orgId} refresh={refresh} />
        ) : (
          <EmptyState
            testId='staff-denied'
            title='无权管理员工'
            description='只有本单位的管理员和信用中心可以管理工作人员。'
            action={{ text: '返回首页', onClick: () => void Taro.switchTab({ url: HOME_PAGE }) }}
          />
        );
      }}
    </ConsoleFrame>
  );
}
