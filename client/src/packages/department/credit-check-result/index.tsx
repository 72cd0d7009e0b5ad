import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import FilterChip from '../../../components/filter-chip';
import { useRequest } from '../../../hooks/use-request';
import { copyToClipboard } from '../../../services/clipboard';
import { CHECK_PURPOSES, CREDIT_CHECK_PAGES, getCreditCheck, VERDICT_VIEW, type CheckResult, type CreditCheckResponse, type Verdict } from '../../../services/credit-checks-api';
import { verifyReport, type VerifyResult } from '../../../services/rights-api';
import { PUBLIC_PAGES } from '../../../services/rights-pages';
import { chinaDateTime } from '../../../services/time';
import { callFailureText } from '../shared/codes';
import SectionState from '../shared/section-state';
import { DepartmentShell, useDepartmentMe } from '../shared/workbench';
import { labelValueRow } from '../../../components/label-value';
import './index.scss';

type Filter = 'all' | Verdict;

const purposeLabel = (p: string) => CHECK_PURPOSES.find((x) => x.value === p)?.label ?? p;

function ResultRow({ r }: { r: CheckResult }) {
  const v = VERDICT_VIEW[r.verdict];
  return (
    <View className='cx-check-table__row' role='row' data-testid='check-result-row' data-uscc={r.uscc} data-verdict={r.verdict}>
      <View className='cx-check-table__cell cx-check-table__cell--subject' role='cell'>
        <Text className='cx-check-table__name' data-testid='check-result-name'>
          {r.name || '（未在登记信息中）'}
        </Text>
        <Text className='cx-check-table__uscc'>{r.uscc}</Text>
      </View>
      <View className='cx-check-table__cell cx-check-table__cell--verdict' role='cell'>
        <Text className={`cx-dept-chip cx-dept-chip--${v.tone}`} data-testid='check-result-verdict'>
          {v.label}
        </Text>
      </View>
      <View className='cx-check-table__cell cx-check-table__cell--reasons' role='cell' data-testid='check-result-reasons'>
        {r.reasons.length === 0 && r.notes.length === 0 && <Text className='cx-check-table__none'>—</Text>}
        {r.reasons.map((reason) => (
          <Text key={reason} className={`cx-check-table__reason${r.verdict === 'not_found' ? ' cx-check-table__reason--muted' : ''}`} data-testid='check-result-reason'>
            {reason}
          </Text>
        ))}
        {r.notes.map((note) => (
          <Text key={note} className='cx-check-table__note'>
            {note}
          </Text>
        ))}
      </View>
    </View>
  );
}

function ResultsTable({ results }: { results: readonly CheckResult[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const rows = filter === 'all' ? results : results.filter((r) => r.verdict === filter);
  return (
    <View className='cx-dept-card' data-testid='check-results'>
      <Text className='cx-dept-card__title'>逐家结论</Text>
      <View className='cx-check-table__filters'>
        <FilterChip label={`全部 ${results.length}`} active={filter === 'all'} testId='check-filter-all' onClick={() => setFilter('all')} />
        <FilterChip label={`存在限制 ${count('restricted')}`} active={filter === 'restricted'} testId='check-filter-restricted' onClick={() => setFilter('restricted')} />
        <FilterChip label={`未找到 ${count('not_found')}`} active={filter === 'not_found'} testId='check-filter-not_found' onClick={() => setFilter('not_found')} />
      </View>
      <View className='cx-check-table' role='table'>
        <View className='cx-check-table__row cx-check-table__row--head' role='row'>
          <Text className='cx-check-table__cell cx-check-table__cell--subject' role='columnheader'>
            企业
          </Text>
          <Text className='cx-check-table__cell cx-check-table__cell--verdict' role='columnheader'>
            结论
          </Text>
          <Text className='cx-check-table__cell cx-check-table__cell--reasons' role='columnheader'>
            原因
          </Text>
        </View>
        {rows.map((r) => (
          <ResultRow key={r.uscc} r={r} />
        ))}
        {rows.length === 0 && <Text className='cx-dept-card__text'>没有这一类结论的企业。</Text>}
      </View>
    </View>
  );
}

function ReportCard({ check }: { check: CreditCheckResponse }) {
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const report = check.report as { reportId?: string; issuer?: string; issuedAt?: string; validUntil?: string; keyId?: string };
  const verify = async () => {
    if (busy) return;
    setBusy(true);
    setVerifyError(null);
    try {
      setVerified(await verifyReport({ report: check.report, signature: check.signature }, { silent: true }));
    } catch (e) {
      setVerifyError(callFailureText(e, '核验失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (await copyToClipboard(JSON.stringify({ report: check.report, signature: check.signature }), '复制失败，请重试')) {
      Taro.showToast({ title: '已复制核查报告', icon: 'none' }).catch(() => undefined);
    }
  };
  return (
    <View className='cx-dept-card' data-testid='check-report'>
      <Text className='cx-dept-card__title'>核查报告</Text>
      <Text className='cx-dept-card__text'>整份核查结果由区信用中心以数字签名出具，改动任何一个字都会使签名失效。可复制后交给业务经办或存档，任何人都能在「报告核验」中验证。</Text>
      <View className='cx-check-report__rows'>
        <Row label='报告编号' value={report.reportId ?? check.id} testId='check-report-id' />
        <Row label='出具机构' value={report.issuer ?? ''} />
        <Row label='出具时间' value={report.issuedAt ? chinaDateTime(report.issuedAt) : ''} />
        <Row label='有效期至' value={report.validUntil ? chinaDateTime(report.validUntil) : ''} testId='check-report-valid-until' />
        <Row label='签名密钥' value={report.keyId ?? ''} />
        <Row label='签名' value={`${check.signature.slice(0, 16)}…`} />
      </View>
      {verified && (
        <View className={`cx-check-report__verdict cx-check-report__verdict--${verified.valid ? 'ok' : 'bad'}`} data-testid='check-report-verified' data-valid={String(verified.valid)} role='status'>
          <Text>{verified.valid ? '核验通过 ✓ 签名正确，报告自出具以来未被改动' : verified.reason === 'EXPIRED' ? '报告已超过有效期，请重新核查' : '核验未通过：报告与签名不符'}</Text>
        </View>
      )}
      {verifyError && (
        <View className='cx-dept-error' role='alert'>
          <Text>{verifyError}</Text>
        </View>
      )}
      <View className='cx-dept-actions'>
        <Button className='cx-btn' data-testid='check-report-verify' disabled={busy ? true : undefined} onClick={() => void verify()}>
          {busy ? '核验中…' : '在线核验'}
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='check-report-copy' onClick={() => void copy()}>
          复制报告
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='check-report-verify-page' onClick={() => void Taro.navigateTo({ url: PUBLIC_PAGES.verify })}>
          打开报告核验页
        </Button>
      </View>
    </View>
  );
}

const Row = labelValueRow('cx-check-report');

function CheckView({ id }: { id: string }) {
  const check = useRequest(() => getCreditCheck(id, { silent: true }), [id]);
  const c = check.data;
  return (
    <SectionState loading={check.loading && !c} error={check.error} onRetry={() => void check.reload()} testId='check-view'>
      {c && (
        <View data-testid='check-view-loaded' data-id={c.id}>
          <View className='cx-dept-card cx-check-summary' data-testid='check-summary'>
            <Text className='cx-check-summary__title'>
              {purposeLabel(c.purpose)} · {chinaDateTime(c.createdAt)}
            </Text>
            <View className='cx-check-summary__stats'>
              <Stat tone='ok' num={c.summary.clear} label='未发现限制' testId='check-summary-clear' />
              <Stat tone='bad' num={c.summary.restricted} label='存在限制' testId='check-summary-restricted' />
              <Stat tone='muted' num={c.summary.notFound} label='未找到' testId='check-summary-not-found' />
            </View>
          </View>
          <ResultsTable results={c.results} />
          <ReportCard check={c} />
          <View className='cx-dept-actions'>
            <Button className='cx-btn cx-btn--secondary' data-testid='check-again' onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: CREDIT_CHECK_PAGES.start }))}>
              返回修改名单
            </Button>
          </View>
        </View>
      )}
    </SectionState>
  );
}

function Stat({ tone, num, label, testId }: { tone: string; num: number; label: string; testId: string }) {
  return (
    <View className={`cx-check-summary__stat cx-check-summary__stat--${tone}`}>
      <Text className='cx-check-summary__num' data-testid={testId}>
        {num}
      </Text>
      <Text className='cx-check-summary__label'>{label}</Text>
    </View>
  );
}

/** 核查结果: one check's verdicts as a table and its signed report. */
export default function CreditCheckResultPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='核查结果'>
      {() => <CheckView id={id} />}
    </DepartmentShell>
  );
}
