import { useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import RoleShell, { SectionError, useRoleMe } from '../../../components/loans/role-shell';
import Chips from '../../../components/loans/chips';
import ConfirmDialog from '../../../components/confirm-dialog';
import { Tag } from '../../../components/loans/status-tag';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import { getAuthorizations, getLoanProducts, grantAuthorization, revokeAuthorization, type AuthorizationView } from '../../../services/loans-api';
import { AUTHORIZATION_LABELS } from '../../../services/loans-format';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { chinaDate } from '../../../services/time';
import './index.scss';

const DAY_CHOICES = [7, 30, 90, 180] as const;
type Days = (typeof DAY_CHOICES)[number];

const STATUS_TONE = { active: 'success', expired: 'muted', revoked: 'muted' } as const;

/** The banks that publish products: the ones a business can authorise. */
async function loadBanks(): Promise<{ id: string; name: string }[]> {
  const { items } = await getLoanProducts();
  const banks = new Map<string, string>();
  for (const p of items) if (!banks.has(p.bankId)) banks.set(p.bankId, p.bankName);
  return Array.from(banks, ([id, name]) => ({ id, name }));
}

/** NOT_REGISTERED is this page's empty state, not an error. */
async function loadAuthorizations(): Promise<AuthorizationView[] | null> {
  try {
    return (await getAuthorizations({ quietCodes: ['NOT_REGISTERED'] })).items;
  } catch (e) {
    if (isApiError(e) && e.code === 'NOT_REGISTERED') return null;
    throw e;
  }
}

/**
 * 授权管理: which banks may read the business's credit report and until when; grant a bank for
 * 7/30/90/180 days, revoke any time (with a confirmation).
 */
export default function AuthorizationsPage() {
  const me = useRoleMe('enterprise');
  const list = useRequest(loadAuthorizations, [me.user?.orgId], me.allowed);
  const banks = useRequest(loadBanks, [], me.allowed);
  const [bankId, setBankId] = useState('');
  const [days, setDays] = useState<Days>(30);
  const [granting, setGranting] = useState(false);
  const [grantError, setGrantError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<AuthorizationView | null>(null);
  const sending = useRef(false);
  usePullToRefresh(async () => {
    await Promise.all([list.reload(), banks.reload()]);
  });

  const bankOptions = useMemo(() => (banks.data ?? []).map((b) => ({ value: b.id, label: b.name })), [banks.data]);
  const items = list.data;

  const grant = async () => {
    if (sending.current) return;
    if (!bankId) {
      setGrantError('请选择要授权的银行');
      return;
    }
    sending.current = true;
    setGranting(true);
    setGrantError(null);
    try {
      await grantAuthorization(bankId, days, { quietCodes: ['VALIDATION_FAILED'] });
      void Taro.showToast({ title: '已授权', icon: 'success', duration: 1500 });
      setBankId('');
      await list.reload();
    } catch (e) {
      setGrantError(isApiError(e) ? e.message : '授权失败，请稍后重试');
    } finally {
      sending.current = false;
      setGranting(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    await revokeAuthorization(revoking.id);
    setRevoking(null);
    void Taro.showToast({ title: '已撤销授权', icon: 'success', duration: 1500 });
    await list.reload();
  };

  return (
    <RoleShell
      me={me}
      name='授权管理'
      loading={items === undefined && !list.error}
      error={list.error}
      onRetry={list.reload}
      empty={items === null}
      emptyTitle='尚未完成企业认证'
      emptyDescription='完成企业认证后，才能授权银行查询企业信用报告。'
      emptyAction={{ text: '去企业认证', onClick: () => void Taro.redirectTo({ url: ENTERPRISE_PAGES.register }) }}
    >
      {() =>
        items && (
          <View data-testid='authorizations-page'>
            <View className='cx-card cx-auth__intro'>
              <Text className='cx-auth__intro-text'>
                授权后，银行可在期限内查询本企业的信用报告（公共信用综合评价、信用记录等），每次查询都会留下查询记录。提交贷款申请时，受理银行在申请处理期间自动获得查询权限，无需另行授权。
              </Text>
            </View>

            <View className='cx-card' data-testid='grant-form'>
              <Text className='cx-section-title'>新增授权</Text>
              <Text className='cx-auth__label'>银行</Text>
              {banks.error !== undefined && !banks.loading ? (
                <SectionError error={banks.error} onRetry={banks.reload} testId='banks-error' />
              ) : (
                <Chips options={bankOptions} value={bankId} onChange={setBankId} testId='grant-bank' label='银行' />
              )}
              <Text className='cx-auth__label'>期限</Text>
              <Chips
                options={DAY_CHOICES.map((d) => ({ value: d, label: `${d} 天` }))}
                value={days}
                onChange={setDays}
                testId='grant-days'
                label='期限'
              />
              {grantError && (
                <Text className='cx-auth__error' data-testid='grant-error'>
                  {grantError}
                </Text>
              )}
              <Button
                className='cx-btn cx-btn--block cx-auth__grant'
                data-testid='grant-submit'
                disabled={granting ? true : undefined}
                onClick={grant}
              >
                {granting ? '提交中…' : '授权'}
              </Button>
            </View>

            <Text className='cx-section-title'>授权记录</Text>
            {items.length === 0 ? (
              <EmptyState title='暂无授权' description='您还没有授权任何银行查询企业信用报告。' testId='authorizations-empty' />
            ) : (
              items.map((a) => (
                <View key={a.id} className='cx-card cx-auth__item' data-testid='authorization' data-status={a.status}>
                  <View className='cx-auth__head'>
                    <Text className='cx-auth__bank'>{a.bankName}</Text>
                    <Tag text={AUTHORIZATION_LABELS[a.status]} tone={STATUS_TONE[a.status]} testId='authorization-status' />
                  </View>
                  <Text className='cx-auth__dates'>
                    {chinaDate(a.grantedAt)} 授权 · {a.status === 'revoked' && a.revokedAt ? `${chinaDate(a.revokedAt)} 撤销` : `${chinaDate(a.expiresAt)} 到期`}
                  </Text>
                  {a.status === 'active' && (
                    <Button className='cx-btn cx-btn--danger cx-auth__revoke' data-testid='revoke' onClick={() => setRevoking(a)}>
                      撤销授权
                    </Button>
                  )}
                </View>
              ))
            )}

            {revoking && (
              <ConfirmDialog
                placement='sheet'
                title='撤销授权？'
                confirmText='确认撤销'
                tone='danger'
                testId='revoke-sheet'
                onConfirm={revoke}
                onCancel={() => setRevoking(null)}
              >
                {`撤销后，${revoking.bankName}将不能再凭此授权查询本企业信用报告。正在处理中的贷款申请不受影响。`}
              </ConfirmDialog>
            )}
          </View>
        )
      }
    </RoleShell>
  );
}
