import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import { copyToClipboard } from '../../../services/clipboard';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { getMyReport, signedReportJson, type CreditReport } from '../../../services/rights-api';
import { PUBLIC_PAGES, RIGHTS_PAGES } from '../../../services/rights-pages';
import { useToken } from '../../../services/session';
import { chinaDate, chinaDateTime } from '../../../services/time';
import { signedPoints, STATUS_LABELS } from '../shared/format';
import '../rights/rights.scss';
import './index.scss';

const QUIET = ['REAL_NAME_REQUIRED', 'NOT_REGISTERED', 'CONSENT_WITHDRAWN'];
const open = (url: string) => () => void Taro.navigateTo({ url });

function Kv({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='cx-kv'>
      <Text className='cx-kv__label'>{label}</Text>
      <Text className='cx-kv__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}

const statusLabel = (status: string) => STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status;

function ReportView({ report }: { report: CreditReport }) {
  const person = report.reportType === 'person';
  return (
    <View>
      <View className='cx-card cx-report__head'>
        <Text className='cx-report__title' data-testid='report-title'>
          {report.title}
        </Text>
        <Text className='cx-report__issuer'>{report.issuer}</Text>
        <View className='cx-report__score'>
          {person ? (
            <View>
              <Text className='cx-report__value' data-testid='report-points'>
                {report.points}
              </Text>
              <Text className='cx-report__unit'>分 · {report.tier}</Text>
            </View>
          ) : (
            <View>
              <Text className='cx-report__value' data-testid='report-grade'>
                {report.grade}
              </Text>
              <Text className='cx-report__unit'>级 · {report.score} 分</Text>
            </View>
          )}
        </View>
        <Kv label={person ? '姓名' : '企业名称'} value={report.subject.name} testId='report-subject' />
        {report.subject.idNumber && <Kv label='身份证号' value={report.subject.idNumber} />}
        {report.subject.uscc && <Kv label='信用代码' value={report.subject.uscc} />}
        <Kv label='出具时间' value={chinaDateTime(report.issuedAt)} />
        <Kv label='有效期至' value={chinaDate(report.validUntil)} />
        <Kv label='报告编号' value={report.reportId} />
        <Kv label='签名密钥' value={report.keyId} testId='report-key' />
      </View>

      {person && report.dimensions && (
        <View className='cx-card'>
          <Text className='cx-section-title'>各维度得分</Text>
          {report.dimensions.map((d) => (
            <Kv key={d.label} label={d.label} value={`${signedPoints(d.points)} 分`} />
          ))}
        </View>
      )}
      {!person && report.drivers && report.drivers.length > 0 && (
        <View className='cx-card'>
          <Text className='cx-section-title'>评价依据</Text>
          {report.drivers.map((d) => (
            <Text key={d} className='cx-report__line'>
              · {d}
            </Text>
          ))}
        </View>
      )}

      <View className='cx-card' data-testid='report-records'>
        <Text className='cx-section-title'>信用记录（{report.records.length}）</Text>
        {report.records.length === 0 && <Text className='cx-text-secondary'>无</Text>}
        {report.records.map((r, i) => (
          <View key={`${r.ruleId}-${r.occurredAt}-${i}`} className='cx-report__record'>
            <View className='cx-item__head'>
              <Text className='cx-report__record-title'>{r.title}</Text>
              <Text className='cx-report__record-points'>{signedPoints(r.points)}</Text>
            </View>
            <Text className='cx-item__meta'>
              {chinaDate(r.occurredAt)} · {r.department} · {statusLabel(r.status)}
            </Text>
          </View>
        ))}
        <Text className='cx-report__note'>已修复的记录不在报告中展示。</Text>
      </View>

      <View className='cx-card'>
        <Text className='cx-section-title'>联合惩戒措施</Text>
        {report.measures.length === 0 && <Text className='cx-text-secondary'>无</Text>}
        {report.measures.map((m) => (
          <Text key={`${m.title}-${m.until}`} className='cx-report__line'>
            · {m.title}（{m.listType}，至 {chinaDate(m.until)}）
          </Text>
        ))}
      </View>
    </View>
  );
}

/**
 * 信用报告: a report signed by the platform, shown readably, copied as JSON (with its signature)
 * for use elsewhere, and checkable by anyone at 报告核验.
 */
export default function ReportPage() {
  const token = useToken();
  const signed = useRequest(() => getMyReport({ quietCodes: QUIET }), [token], token !== null);
  usePullToRefresh(signed.reload);
  const code = isApiError(signed.error) ? signed.error.code : null;
  const blocked = code !== null && QUIET.includes(code);

  const copy = async () => {
    if (!signed.data) return;
    if (await copyToClipboard(signedReportJson(signed.data), '复制失败，请重试')) {
      Taro.showToast({ title: '报告已复制', icon: 'success' }).catch(() => undefined);
    }
  };

  return (
    <PageShell
      loading={signed.loading && !signed.data}
      error={blocked ? undefined : signed.error}
      onRetry={signed.reload}
      empty={blocked}
      emptyTitle={code === 'NOT_REGISTERED' ? '企业尚未认证' : code === 'CONSENT_WITHDRAWN' ? '积分已暂停' : '请先完成实名认证'}
      emptyDescription={
        code === 'NOT_REGISTERED'
          ? '完成企业认证后即可生成企业信用报告。'
          : code === 'CONSENT_WITHDRAWN'
            ? '您已撤回个人敏感信息处理授权，重新授权后即可生成信用报告。'
            : '完成实名认证后即可生成个人信用报告。'
      }
      emptyAction={
        code === 'CONSENT_WITHDRAWN'
          ? { text: '去授权管理', onClick: open(RIGHTS_PAGES.consents) }
          : code === 'REAL_NAME_REQUIRED'
            ? { text: '去实名认证', onClick: open(RESIDENT_PAGES.realName) }
            : undefined
      }
    >
      {signed.data && (
        <View data-testid='report-page'>
          <ReportView report={signed.data.report} />
          <View className='cx-card cx-report__share'>
            <Text className='cx-section-title'>分享与核验</Text>
            <Text className='cx-report__note'>
              本报告由区信用中心以数字签名出具。复制的内容包含报告全文和签名，接收方可在「报告核验」页面粘贴核验；报告内容有任何改动，核验都会失败。
            </Text>
            <Button className='cx-btn cx-btn--block cx-report__btn' data-testid='report-copy' onClick={copy}>
              复制报告
            </Button>
            <Button className='cx-btn cx-btn--secondary cx-btn--block cx-report__btn' data-testid='report-verify-link' onClick={open(PUBLIC_PAGES.verify)}>
              去报告核验
            </Button>
            <Text className='cx-report__note'>其他地区或机构也可通过公开接口核验：签名公钥公布于 /api/.well-known/credit-report-keys。</Text>
          </View>
        </View>
      )}
    </PageShell>
  );
}
