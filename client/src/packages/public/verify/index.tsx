import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import TextAreaField from '../../../components/text-area-field';
import { isApiError } from '../../../services/api';
import { readClipboard } from '../../../services/clipboard';
import { verifyReport, type VerifyResult } from '../../../services/rights-api';
import { chinaDateTime } from '../../../services/time';
import { parsePastedReport } from './parse-report';
import { labelValueRow } from '../../../components/label-value';
import './index.scss';

interface Outcome {
  result: VerifyResult;
  title?: string;
  subject?: string;
}

/** A department's 信用核查 report names the department, the purpose and how many businesses it covers. */
function checkSubject(report: Record<string, unknown>): string | undefined {
  const department = report.department as { name?: unknown } | undefined;
  const summary = report.summary as { total?: unknown; restricted?: unknown } | undefined;
  if (typeof department?.name !== 'string' || typeof report.purposeLabel !== 'string' || typeof summary?.total !== 'number') return undefined;
  return `${department.name} · ${report.purposeLabel}前核查 ${summary.total} 家企业（存在限制 ${Number(summary.restricted ?? 0)} 家）`;
}

function describe(report: Record<string, unknown>): { title?: string; subject?: string } {
  const subject = report.subject as { name?: unknown } | undefined;
  return {
    title: typeof report.title === 'string' ? report.title : undefined,
    subject: report.reportType === 'credit-check' ? checkSubject(report) : typeof subject?.name === 'string' ? subject.name : undefined,
  };
}

function ResultCard({ outcome }: { outcome: Outcome }) {
  const { result } = outcome;
  if (!result.valid) {
    return (
      <View className='cx-card cx-verify__result cx-verify__result--invalid' data-testid='verify-result' data-valid='false'>
        <Text className='cx-verify__verdict' data-testid='verify-verdict'>
          无效 ✗
        </Text>
        <Text className='cx-verify__explain' data-testid='verify-explain'>
          {result.reason === 'EXPIRED'
            ? '报告已超过有效期：签名真实，但报告内容可能已不反映当前信用状况。请向报告持有人索取新出具的报告。'
            : '报告内容与签名不符：报告可能被改动过（哪怕一个字），或不是本平台出具的。请向报告持有人索取原始报告。'}
        </Text>
      </View>
    );
  }
  return (
    <View className='cx-card cx-verify__result cx-verify__result--valid' data-testid='verify-result' data-valid='true'>
      <Text className='cx-verify__verdict' data-testid='verify-verdict'>
        有效 ✓
      </Text>
      <Text className='cx-verify__explain'>签名正确，报告自出具以来未被改动。</Text>
      {outcome.title && <Row label='报告' value={outcome.title} />}
      {outcome.subject && <Row label='对象' value={outcome.subject} testId='verify-subject' />}
      {result.issuer && <Row label='出具机构' value={result.issuer} testId='verify-issuer' />}
      {result.issuedAt && <Row label='出具时间' value={chinaDateTime(result.issuedAt)} testId='verify-issued-at' />}
      {result.keyId && <Row label='签名密钥' value={result.keyId} testId='verify-key' />}
    </View>
  );
}

const Row = labelValueRow('cx-verify');

/** 报告核验 (public): paste a report with its signature and learn whether it is genuine and unchanged. */
export default function VerifyPage() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const change = (value: string) => {
    setText(value);
    setProblem(null);
    setOutcome(null);
  };

  const paste = async () => {
    const data = await readClipboard();
    if (data) change(data);
  };

  const verify = async () => {
    if (running.current) return;
    const parsed = parsePastedReport(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      setOutcome(null);
      return;
    }
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const result = await verifyReport(parsed.value, { quietCodes: ['VALIDATION_FAILED'] });
      setOutcome({ result, ...describe(parsed.value.report) });
    } catch (e) {
      // A body the API refuses outright (e.g. a mangled signature) is no valid report either.
      if (isApiError(e) && e.code === 'VALIDATION_FAILED') setOutcome({ result: { valid: false } });
      else setProblem(isApiError(e) ? e.message : '核验失败，请稍后重试');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <PageShell requireAuth={false}>
      <View data-testid='verify-page'>
        <Text className='cx-verify__intro'>
          诚信管城出具的信用报告带有区信用中心的数字签名。把报告持有人通过「复制报告」分享的全部文字粘贴到下面，即可核验报告是否真实、是否被改动。无需登录。
        </Text>
        <View className='cx-card'>
          <TextAreaField
            label='报告内容'
            value={text}
            onChange={change}
            placeholder='粘贴以 {"report": 开头的报告全文'
            hint='包含报告正文和签名'
            maxlength={-1}
            error={problem}
            tall
            testId='verify-input'
          />
          <View className='cx-verify__actions'>
            <Button className='cx-btn cx-btn--secondary cx-verify__btn' data-testid='verify-paste' onClick={paste}>
              粘贴
            </Button>
            <Button className='cx-btn cx-verify__btn cx-verify__btn--main' data-testid='verify-submit' disabled={busy ? true : undefined} onClick={verify}>
              {busy ? '核验中…' : '核验'}
            </Button>
          </View>
        </View>
        {outcome && <ResultCard outcome={outcome} />}
      </View>
    </PageShell>
  );
}
