import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
// First, like the other pages using FilterChip, so the shared stylesheet keeps one order.
import ResultTable from './result-table';
import { submitCreditRecords, type DepartmentMe } from '../../../services/department-api';
import { DEPARTMENT_PAGES } from '../../../services/department-pages';
import { callFailureText } from '../shared/codes';
import { FileError, pickRecordsFile, type PickedFile } from '../shared/file-io';
import { parseRecordsFile, type FileRecord, type ParsedFile } from '../shared/records-file';
import TemplateCard from '../shared/template-card';
import { chunk, problemResult, sendCalls, type LineResult, type UploadTotals } from '../shared/upload-run';
import { DepartmentShell, isSuspended, useDepartmentMe, useDepartmentRules } from '../shared/workbench';
import './index.scss';

type Phase = 'ready' | 'sending' | 'paused' | 'failed' | 'done';

interface Upload {
  file: Omit<PickedFile, 'text'>;
  parsed: ParsedFile;
  calls: FileRecord[][];
  /** Calls answered so far. */
  next: number;
  results: LineResult[];
  totals: UploadTotals;
  phase: Phase;
  error?: string;
}

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const byLine = (a: LineResult, b: LineResult) => a.line - b.line;
const recordsIn = (calls: readonly FileRecord[][], upTo: number) => calls.slice(0, upTo).reduce((n, c) => n + c.length, 0);

function Progress({ upload }: { upload: Upload }) {
  const total = upload.parsed.records.length;
  const done = recordsIn(upload.calls, upload.next);
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <View className='cx-upload__progress' data-testid='upload-progress'>
      <View className='cx-upload__bar' role='progressbar' aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <View className='cx-upload__bar-fill' style={{ width: `${percent}%` }} data-testid='upload-progress-fill' />
      </View>
      <Text className='cx-upload__progress-text' data-testid='upload-progress-text'>
        已发送 {upload.next} / {upload.calls.length} 批 · 已处理 {done} / {total} 条记录
      </Text>
    </View>
  );
}

function Summary({ totals, testId }: { totals: UploadTotals; testId: string }) {
  return (
    <View className='cx-upload__summary' data-testid={testId}>
      <View className='cx-upload__stat cx-upload__stat--ok'>
        <Text className='cx-upload__stat-num' data-testid={`${testId}-accepted`}>
          {totals.accepted}
        </Text>
        <Text className='cx-upload__stat-label'>接收</Text>
      </View>
      <View className='cx-upload__stat cx-upload__stat--warn'>
        <Text className='cx-upload__stat-num' data-testid={`${testId}-duplicates`}>
          {totals.duplicates}
        </Text>
        <Text className='cx-upload__stat-label'>重复</Text>
      </View>
      <View className='cx-upload__stat cx-upload__stat--bad'>
        <Text className='cx-upload__stat-num' data-testid={`${testId}-rejected`}>
          {totals.rejected}
        </Text>
        <Text className='cx-upload__stat-label'>拒绝</Text>
      </View>
    </View>
  );
}

function Uploader({ user }: { user: DepartmentMe }) {
  const rules = useDepartmentRules(user);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const running = useRef(false);
  const stop = useRef(false);
  const known = useRef(new Set<string>());
  const suspended = isSuspended(user);

  // Leaving the page stops the upload after the call in flight.
  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  const choose = async () => {
    if (running.current) return;
    setPickError(null);
    let picked: PickedFile | null;
    try {
      picked = await pickRecordsFile();
    } catch (e) {
      setPickError(e instanceof FileError ? e.message : '文件读取失败，请重新选择');
      return;
    }
    if (!picked) return;
    const { text, ...file } = picked;
    const parsed = parseRecordsFile(text, file.name);
    known.current = new Set();
    setUpload({
      file,
      parsed,
      calls: chunk(parsed.records),
      next: 0,
      results: parsed.problems.map(problemResult),
      totals: { accepted: 0, duplicates: 0, rejected: parsed.problems.length },
      phase: 'ready',
    });
  };

  const send = async () => {
    if (!upload || running.current || suspended) return;
    running.current = true;
    stop.current = false;
    setUpload((u) => u && { ...u, phase: 'sending', error: undefined });
    const outcome = await sendCalls({
      calls: upload.calls,
      from: upload.next,
      known: known.current,
      send: (records) => submitCreditRecords(records, { silent: true }),
      shouldStop: () => stop.current,
      onCall: (index, results, answer) =>
        setUpload(
          (u) =>
            u && {
              ...u,
              next: index + 1,
              results: [...u.results, ...results].sort(byLine),
              totals: {
                accepted: u.totals.accepted + answer.accepted,
                duplicates: u.totals.duplicates + answer.duplicates,
                rejected: u.totals.rejected + answer.rejected.length,
              },
            },
        ),
    });
    running.current = false;
    setUpload((u) => {
      if (!u) return u;
      if (outcome.error !== undefined) return { ...u, next: outcome.next, phase: 'failed', error: callFailureText(outcome.error, '上传中断，请稍后继续') };
      if (outcome.stopped) return { ...u, next: outcome.next, phase: 'paused' };
      return { ...u, next: outcome.next, phase: 'done' };
    });
    if (outcome.error === undefined && !outcome.stopped) {
      void Taro.showToast({ title: '上传完成', icon: 'success', duration: 1500 });
    }
  };

  const reset = () => {
    if (running.current) return;
    setUpload(null);
    setPickError(null);
  };

  if (!upload) {
    return (
      <View data-testid='upload-start'>
        <View className='cx-dept-card cx-upload__intro'>
          <Text className='cx-dept-card__title'>选择要上传的文件</Text>
          <Text className='cx-dept-card__text'>
            支持 CSV（首行为表头）和 JSONL（每行一个 JSON 对象）两种格式，单个文件不超过 10 MB。系统先在本机逐行检查，再每 500 条一批报送，完成后逐行显示结果；同一来源编号重复上传只记一次，中断后可放心重传。
          </Text>
          {process.env.TARO_ENV === 'weapp' && (
            <Text className='cx-dept-card__text cx-upload__tip'>小程序中请先把文件发送到微信聊天（如「文件传输助手」），再从聊天中选择。</Text>
          )}
          {pickError && (
            <View className='cx-dept-error' data-testid='upload-pick-error' role='alert'>
              <Text>{pickError}</Text>
            </View>
          )}
          <Button className='cx-btn cx-btn--block cx-upload__choose' data-testid='upload-choose' disabled={suspended ? true : undefined} onClick={() => void choose()}>
            {suspended ? '报送权限已暂停' : '选择文件'}
          </Button>
        </View>
        <TemplateCard rules={rules.data ?? []} testId='upload-template' />
      </View>
    );
  }

  const { parsed, phase } = upload;
  const recordCount = parsed.records.length;
  const started = upload.next > 0 || phase !== 'ready';
  // A file whose every line failed has nothing to send: its lines are the result.
  const onlyProblems = !parsed.fatal && recordCount === 0 && parsed.problems.length > 0;

  return (
    <View data-testid='upload-file' data-phase={phase}>
      <View className='cx-dept-card'>
        <View className='cx-upload__file'>
          <View className='cx-upload__file-info'>
            <Text className='cx-upload__file-name' data-testid='upload-file-name'>
              {upload.file.name}
            </Text>
            <Text className='cx-dept-card__text'>
              {parsed.format === 'csv' ? 'CSV' : 'JSONL'} · {sizeText(upload.file.size)}
              {upload.file.legacyEncoding ? ' · 已按 GBK 编码读取' : ''}
            </Text>
          </View>
          {(phase === 'ready' || phase === 'done') && (
            <Text role='button' className='cx-dept-link' data-testid='upload-rechoose' onClick={phase === 'done' ? reset : () => void choose()}>
              {phase === 'done' ? '上传另一个文件' : '重新选择'}
            </Text>
          )}
        </View>

        {parsed.fatal ? (
          <View className='cx-dept-error' data-testid='upload-fatal' role='alert'>
            <Text>{parsed.fatal}</Text>
          </View>
        ) : (
          <View className='cx-upload__check' data-testid='upload-check'>
            <Text data-testid='upload-check-text'>
              共读取 {recordCount} 条记录，将分 {upload.calls.length} 批报送
              {parsed.problems.length > 0 ? `；另有 ${parsed.problems.length} 行无法解析，不会报送` : ''}。
            </Text>
          </View>
        )}

        {!parsed.fatal && phase === 'ready' && parsed.problems.length > 0 && recordCount > 0 && (
          <View className='cx-upload__problems' data-testid='upload-problems'>
            {parsed.problems.slice(0, 5).map((p) => (
              <Text key={p.line} className='cx-upload__problem' data-testid='upload-problem'>
                第 {p.line} 行：{p.message}
              </Text>
            ))}
            {parsed.problems.length > 5 && <Text className='cx-upload__problem'>……其余 {parsed.problems.length - 5} 行见上传后的逐行结果</Text>}
          </View>
        )}

        {started && <Progress upload={upload} />}

        {upload.error && (
          <View className='cx-dept-error' data-testid='upload-error' role='alert'>
            <Text>
              {upload.error}。已完成的 {upload.next} 批不受影响，可以继续上传剩余部分。
            </Text>
          </View>
        )}
        {phase === 'paused' && (
          <View className='cx-dept__banner cx-dept__banner--warning' data-testid='upload-paused'>
            <Text>已暂停：已完成 {upload.next} 批，可继续上传剩余部分。</Text>
          </View>
        )}

        {!parsed.fatal && recordCount > 0 && (
          <View className='cx-dept-actions'>
            {phase === 'ready' && (
              <Button className='cx-btn' data-testid='upload-send' disabled={suspended ? true : undefined} onClick={() => void send()}>
                开始上传（{recordCount} 条）
              </Button>
            )}
            {phase === 'sending' && (
              <Button className='cx-btn cx-btn--secondary' data-testid='upload-pause' onClick={() => (stop.current = true)}>
                暂停
              </Button>
            )}
            {(phase === 'paused' || phase === 'failed') && (
              <Button className='cx-btn' data-testid='upload-resume' disabled={suspended ? true : undefined} onClick={() => void send()}>
                继续上传
              </Button>
            )}
            {(phase === 'paused' || phase === 'failed') && (
              <Button className='cx-btn cx-btn--secondary' data-testid='upload-abandon' onClick={reset}>
                放弃，重新选择
              </Button>
            )}
            {phase === 'done' && (
              <Button className='cx-btn cx-btn--secondary' data-testid='upload-to-records' onClick={() => void Taro.navigateTo({ url: DEPARTMENT_PAGES.records })}>
                查看已报送记录
              </Button>
            )}
          </View>
        )}
        {parsed.fatal && (
          <View className='cx-dept-actions'>
            <Button className='cx-btn' data-testid='upload-rechoose-fatal' onClick={() => void choose()}>
              重新选择文件
            </Button>
          </View>
        )}
      </View>

      {started && <Summary totals={upload.totals} testId='upload-summary' />}
      {(started || onlyProblems) && <ResultTable results={upload.results} />}
    </View>
  );
}

/** 批量上传: a CSV or JSONL file checked on the device, sent 500 records at a time, with a result per line. */
export default function UploadPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='批量上传'>
      {(user) => <Uploader user={user} />}
    </DepartmentShell>
  );
}
