import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import ApplicationSummary from '../../../components/loans/application-summary';
import ApplicationHistory from '../../../components/loans/application-history';
import ConfirmDialog from '../../../components/confirm-dialog';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getApplication, withdrawApplication, type ApplicationView } from '../../../services/loans-api';
import { isOpen } from '../../../services/loans-format';

/**
 * One application for the business: what was asked, the bank's deadline (overdue flagged), the
 * decision and its reason, the history (who, when, why), and 撤回申请 while no decision is made.
 */
export default function EnterpriseApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useRoleMe('enterprise');
  const app = useRequest(() => getApplication(id), [id], me.allowed);
  const [current, setCurrent] = useState<ApplicationView | null>(null);
  const [confirming, setConfirming] = useState(false);
  usePullToRefresh(async () => {
    setCurrent(null);
    await app.reload();
  });

  const a = current ?? app.data;

  const withdraw = async () => {
    const next = await withdrawApplication(id, { quietCodes: ['ILLEGAL_TRANSITION'] });
    setCurrent(next);
    setConfirming(false);
    void Taro.showToast({ title: '已撤回申请', icon: 'success', duration: 1500 });
  };

  return (
    <RoleShell me={me} name='申请详情' loading={a === undefined && !app.error} error={app.error} onRetry={app.reload}>
      {() =>
        a && (
          <View data-testid='application-page' data-status={a.status}>
            <ApplicationSummary application={a} viewer='enterprise' now={new Date()} />

            <View className='cx-card'>
              <Text className='cx-section-title'>办理进度</Text>
              <ApplicationHistory history={a.history} />
            </View>

            {isOpen(a) && (
              <Button className='cx-btn cx-btn--danger cx-btn--block' data-testid='withdraw' onClick={() => setConfirming(true)}>
                撤回申请
              </Button>
            )}
            {confirming && (
              <ConfirmDialog
                placement='sheet'
                title='撤回这份申请？'
                confirmText='确认撤回'
                tone='danger'
                testId='withdraw-sheet'
                onConfirm={withdraw}
                onCancel={() => setConfirming(false)}
              >
                {`撤回后银行将停止审批「${a.product.name}」申请，也不能再凭本申请查询企业信用报告。如需贷款，可重新申请。`}
              </ConfirmDialog>
            )}
          </View>
        )
      }
    </RoleShell>
  );
}
