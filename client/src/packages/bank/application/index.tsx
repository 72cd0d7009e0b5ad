import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import RoleShell, { SectionError, useRoleMe } from '../../../components/loans/role-shell';
import ApplicationHistory from '../../../components/loans/application-history';
import ApplicationSummary from '../../../components/loans/application-summary';
import ConfirmDialog from '../../../components/confirm-dialog';
import CreditRecords from '../../../components/loans/credit-records';
import GradeBadge from '../../../components/loans/grade-badge';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import {
  decideApplication,
  getApplication,
  getCreditReport,
  recordDisbursement,
  type ApplicationView,
  type BankReport,
} from '../../../services/loans-api';
import { isOpen, money, yuan } from '../../../services/loans-format';
import { chinaDateTime } from '../../../services/time';
import { approveNoteError, disbursementError, rejectReasonError } from './decision';
import './index.scss';

type Action = 'approve' | 'reject' | 'disburse';

/** NOT_AUTHORIZED is part of the page (the business has not authorised this bank), not a toast. */
async function loadReport(id: string): Promise<BankReport | 'not-authorized'> {
  try {
    return await getCreditReport(id, { quietCodes: ['NOT_AUTHORIZED'] });
  } catch (e) {
    if (isApiError(e) && e.code === 'NOT_AUTHORIZED') return 'not-authorized';
    throw e;
  }
}

function Report({ report }: { report: BankReport }) {
  const e = report.enterprise;
  return (
    <View data-testid='credit-report'>
      <View className='cx-bank-report__rows'>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>企业名称</Text>
          <Text className='cx-bank-report__value'>{e.name}</Text>
        </View>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>统一社会信用代码</Text>
          <Text className='cx-bank-report__value'>{e.uscc}</Text>
        </View>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>法定代表人</Text>
          <Text className='cx-bank-report__value' data-testid='report-legal'>
            {e.legalRepresentative}
          </Text>
        </View>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>登记状态</Text>
          <Text
            className={`cx-bank-report__value${e.registryStatus === 'active' ? '' : ' cx-bank-report__value--danger'}`}
            data-testid='report-registry-status'
            data-status={e.registryStatus ?? 'missing'}
          >
            {e.registryStatusLabel}
          </Text>
        </View>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>成立日期</Text>
          <Text className='cx-bank-report__value'>{e.establishedOn ?? '登记信息中暂无'}</Text>
        </View>
        <View className='cx-bank-report__row'>
          <Text className='cx-bank-report__label'>纳税信用等级</Text>
          <Text className='cx-bank-report__value'>{e.taxGradeYear !== undefined ? `${e.taxCreditGrade} 级（${e.taxGradeYear} 年度）` : `${e.taxCreditGrade} 级（尚未评价）`}</Text>
        </View>
      </View>

      <View className='cx-bank-report__grade'>
        <GradeBadge grade={report.grade} score={report.score} />
      </View>
      <View className='cx-bank-report__drivers' data-testid='report-drivers'>
        {report.drivers.map((d) => (
          <Text key={d} className='cx-bank-report__driver'>
            · {d}
          </Text>
        ))}
      </View>
      <View className='cx-bank-report__penalties'>
        <Text>近 12 个月行政处罚</Text>
        <Text className='cx-bank-report__penalties-value' data-testid='report-penalties'>
          {report.penalties12m} 次
        </Text>
      </View>

      <Text className='cx-bank-report__subtitle'>信用记录</Text>
      {report.records.length > 0 ? (
        <CreditRecords records={report.records} testId='report-records' />
      ) : (
        <Text className='cx-text-secondary' data-testid='report-no-records'>
          暂无信用记录
        </Text>
      )}
      <Text className='cx-bank-report__generated'>报告生成于 {chinaDateTime(report.generatedAt)} · 本次查询已记入企业的查询记录</Text>
    </View>
  );
}

/**
 * One application for the bank: the application, the credit report the business authorised,
 * 批准 / 拒绝 (a reason is required to reject) / 放款登记 (no more than applied for), each
 * confirmed in a sheet, and the history. Opening a submitted application moves it to 审批中.
 */
export default function BankApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useRoleMe('bank');
  const app = useRequest(() => getApplication(id), [id], me.allowed);
  const report = useRequest(() => loadReport(id), [id], me.allowed && app.data !== undefined);
  const [current, setCurrent] = useState<ApplicationView | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  usePullToRefresh(async () => {
    setCurrent(null);
    await app.reload();
    await report.reload();
  });

  const a = current ?? app.data;

  const done = (next: ApplicationView, message: string) => {
    setCurrent(next);
    setAction(null);
    void Taro.showToast({ title: message, icon: 'success', duration: 1500 });
  };

  // A decided application answers 409: the sheet shows why and the page reloads its state.
  const refreshAfter = async <T,>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        setCurrent(null);
        void app.reload();
      }
      throw e;
    }
  };

  const approve = async (note: string) => {
    const next = await refreshAfter(() =>
      decideApplication(id, note ? { decision: 'approve', reason: note } : { decision: 'approve' }, { quietCodes: ['APPLICATION_DECIDED', 'VALIDATION_FAILED'] }),
    );
    done(next, '已批准');
  };
  const reject = async (reason: string) => {
    const next = await refreshAfter(() =>
      decideApplication(id, { decision: 'reject', reason }, { quietCodes: ['APPLICATION_DECIDED', 'VALIDATION_FAILED'] }),
    );
    done(next, '已拒绝');
  };
  const disburse = async (value: string) => {
    const amount = Number(value.replace(/[,，\s]/g, ''));
    const next = await refreshAfter(() => recordDisbursement(id, amount, { quietCodes: ['ILLEGAL_TRANSITION', 'VALIDATION_FAILED'] }));
    done(next, '已登记放款');
  };

  const r = report.data;

  return (
    <RoleShell me={me} name='信贷审批' loading={a === undefined && !app.error} error={app.error} onRetry={app.reload}>
      {() =>
        a && (
          <View data-testid='bank-application-page' data-status={a.status}>
            <ApplicationSummary application={a} viewer='bank' now={new Date()} />

            <View className='cx-card'>
              <Text className='cx-section-title'>企业信用报告</Text>
              {report.loading && r === undefined && <Text className='cx-text-secondary'>正在读取…</Text>}
              {report.error !== undefined && !report.loading && <SectionError error={report.error} onRetry={report.reload} testId='report-error' />}
              {r === 'not-authorized' && (
                <EmptyState
                  title='无权查看信用报告'
                  description='申请已结束，且企业未另行授权本行查询其信用报告。'
                  testId='report-not-authorized'
                />
              )}
              {r && r !== 'not-authorized' && <Report report={r} />}
            </View>

            {isOpen(a) && (
              <View className='cx-bank-actions' data-testid='decision-actions'>
                <Button className='cx-btn cx-bank-actions__btn' data-testid='approve' onClick={() => setAction('approve')}>
                  批准
                </Button>
                <Button className='cx-btn cx-btn--danger cx-bank-actions__btn' data-testid='reject' onClick={() => setAction('reject')}>
                  拒绝
                </Button>
              </View>
            )}
            {a.status === 'APPROVED' && (
              <Button className='cx-btn cx-btn--block cx-bank-actions__single' data-testid='disburse' onClick={() => setAction('disburse')}>
                放款登记
              </Button>
            )}

            <View className='cx-card'>
              <Text className='cx-section-title'>办理记录</Text>
              <ApplicationHistory history={a.history} />
            </View>

            {action === 'approve' && (
              <ConfirmDialog
                placement='sheet'
                title='批准这份申请？'
                confirmText='确认批准'
                input={{ kind: 'text', label: '审批意见（选填）', placeholder: '如：额度与期限按申请核定', validate: approveNoteError }}
                testId='approve-sheet'
                onConfirm={approve}
                onCancel={() => setAction(null)}
              >
                {`批准 ${a.enterprise.name} 申请「${a.product.name}」${money(a.amount)}，期限 ${a.termMonths} 个月。批准后企业会看到结果。`}
              </ConfirmDialog>
            )}
            {action === 'reject' && (
              <ConfirmDialog
                placement='sheet'
                title='拒绝这份申请？'
                confirmText='确认拒绝'
                tone='danger'
                input={{ kind: 'text', label: '拒绝理由', placeholder: '如：近期经营流水不足以覆盖还款', validate: rejectReasonError }}
                testId='reject-sheet'
                onConfirm={reject}
                onCancel={() => setAction(null)}
              >
                请写明拒绝理由，企业会在申请进度中看到。
              </ConfirmDialog>
            )}
            {action === 'disburse' && (
              <ConfirmDialog
                placement='sheet'
                title='登记放款'
                confirmText='确认登记'
                input={{
                  kind: 'number',
                  label: '放款金额',
                  suffix: '元',
                  initial: String(a.amount),
                  validate: (v) => disbursementError(v, a.amount),
                }}
                testId='disburse-sheet'
                onConfirm={disburse}
                onCancel={() => setAction(null)}
              >
                {`申请金额 ${yuan(a.amount)}，放款金额不能超过申请金额。`}
              </ConfirmDialog>
            )}
          </View>
        )
      }
    </RoleShell>
  );
}
