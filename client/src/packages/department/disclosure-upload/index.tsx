import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ResultTable from '../upload/result-table';
import type { DepartmentMe } from '../../../services/department-api';
import { DISCLOSURE_PAGES, KIND_LABELS, publishDisclosures } from '../../../services/disclosures-api';
import { chinaToday } from '../../../services/time';
import { disclosureTemplate } from '../../../../../functions/disclosures/disclosure-csv';
import { callFailureText } from '../shared/codes';
import { FileError, pickRecordsFile, saveTextFile } from '../shared/file-io';
import { EXAMPLE_USCC } from '../shared/templates';
import { chunk, type LineResult, type UploadTotals } from '../shared/upload-run';
import { DepartmentShell, isSuspended, useDepartmentMe } from '../shared/workbench';
import { parseDisclosureCsv, resultsOfCall } from './lines';
import '../upload/index.scss';

type Parsed = ReturnType<typeof parseDisclosureCsv>;

interface Upload {
  name: string;
  parsed: Parsed;
  results: LineResult[];
  totals: UploadTotals & { late: number };
  phase: 'ready' | 'sending' | 'done' | 'failed';
  error?: string;
}

function Templates({ authority }: { authority: string }) {
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'penalty' | 'license') => {
    setError(null);
    const name = kind === 'penalty' ? '双公示-行政处罚模板.csv' : '双公示-行政许可模板.csv';
    try {
      const outcome = await saveTextFile(name, 'text/csv;charset=utf-8', disclosureTemplate(kind, { uscc: EXAMPLE_USCC, today: chinaToday(), authority }));
      if (outcome !== 'cancelled') void Taro.showToast({ title: outcome === 'downloaded' ? `已下载「${name}」` : '模板已发送', icon: 'none', duration: 2000 });
    } catch (e) {
      setError(e instanceof FileError ? e.message : '模板保存失败，请稍后重试');
    }
  };
  return (
    <View className='cx-dept-card' data-testid='disclosure-templates'>
      <Text className='cx-dept-card__title'>模板下载</Text>
      <Text className='cx-dept-card__text'>
        按国家双公示数据标准的列名填写，一个文件只放一类决定。「数据编号」为本部门内唯一的编号，重复上传只记一次，内容有变视为更正；「状态」填「撤销」即撤回该决定及其信用记录；「罚款金额（万元）」以万元计；处罚机关、许可机关按报送部门自动填写。
      </Text>
      <View className='cx-dept-actions'>
        <Button className='cx-btn cx-btn--secondary' data-testid='disclosure-template-cf' onClick={() => void save('penalty')}>
          行政处罚（CF）模板
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='disclosure-template-xk' onClick={() => void save('license')}>
          行政许可（XK）模板
        </Button>
      </View>
      {error && (
        <Text className='cx-dept-error' role='alert'>
          {error}
        </Text>
      )}
    </View>
  );
}

function Uploader({ user }: { user: DepartmentMe }) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const running = useRef(false);
  const suspended = isSuspended(user);

  const choose = async () => {
    if (running.current) return;
    setPickError(null);
    try {
      const picked = await pickRecordsFile();
      if (!picked) return;
      const parsed = parseDisclosureCsv(picked.text);
      const problems: LineResult[] = parsed.problems.map((p) => ({ line: p.line, ...(p.sourceId ? { sourceId: p.sourceId } : {}), subjectMasked: '—', status: 'rejected', code: 'UNPARSABLE_LINE', reason: p.message }));
      setUpload({ name: picked.name, parsed, results: problems, totals: { accepted: 0, duplicates: 0, rejected: problems.length, late: 0 }, phase: 'ready' });
    } catch (e) {
      setPickError(e instanceof FileError ? e.message : '文件读取失败，请重新选择');
    }
  };

  const send = async () => {
    if (!upload || running.current || suspended) return;
    running.current = true;
    setUpload({ ...upload, phase: 'sending', error: undefined });
    let results = upload.results;
    const totals = { ...upload.totals };
    try {
      for (const call of chunk(upload.parsed.items)) {
        const answer = await publishDisclosures(call.map((c) => c.item), { silent: true });
        results = [...results, ...resultsOfCall(call, answer)].sort((a, b) => a.line - b.line);
        totals.accepted += answer.accepted;
        totals.duplicates += answer.duplicates;
        totals.rejected += answer.rejected.length;
        totals.late += answer.late.length;
        setUpload((u) => u && { ...u, results, totals: { ...totals } });
      }
      setUpload((u) => u && { ...u, phase: 'done' });
    } catch (e) {
      setUpload((u) => u && { ...u, phase: 'failed', error: callFailureText(e, '上传中断，请稍后重试；已上传的不会重复记录') });
    } finally {
      running.current = false;
    }
  };

  if (!upload) {
    return (
      <View data-testid='disclosure-upload-start'>
        <View className='cx-dept-card cx-upload__intro'>
          <Text className='cx-dept-card__title'>选择双公示文件</Text>
          <Text className='cx-dept-card__text'>CSV 文件，首行为模板表头，单个文件不超过 10 MB；每 500 条一批报送，完成后逐行显示结果。</Text>
          {pickError && (
            <View className='cx-dept-error' role='alert' data-testid='disclosure-upload-pick-error'>
              <Text>{pickError}</Text>
            </View>
          )}
          <Button className='cx-btn cx-btn--block cx-upload__choose' data-testid='disclosure-upload-choose' disabled={suspended ? true : undefined} onClick={() => void choose()}>
            {suspended ? '报送权限已暂停' : '选择文件'}
          </Button>
        </View>
        <Templates authority={user.org?.name ?? ''} />
      </View>
    );
  }

  const { parsed, phase, totals } = upload;
  return (
    <View data-testid='disclosure-upload-file' data-phase={phase}>
      <View className='cx-dept-card'>
        <Text className='cx-upload__file-name' data-testid='disclosure-upload-name'>
          {upload.name}
        </Text>
        {parsed.fatal ? (
          <View className='cx-dept-error' role='alert' data-testid='disclosure-upload-fatal'>
            <Text>{parsed.fatal}</Text>
          </View>
        ) : (
          <Text className='cx-dept-card__text' data-testid='disclosure-upload-check'>
            {KIND_LABELS[parsed.kind ?? 'penalty']}文件：共 {parsed.items.length} 项决定{parsed.problems.length > 0 ? `；另有 ${parsed.problems.length} 行无法解析，不会报送` : ''}。
          </Text>
        )}
        {upload.error && (
          <View className='cx-dept-error' role='alert' data-testid='disclosure-upload-error'>
            <Text>{upload.error}</Text>
          </View>
        )}
        <View className='cx-dept-actions'>
          {!parsed.fatal && parsed.items.length > 0 && (phase === 'ready' || phase === 'failed') && (
            <Button className='cx-btn' data-testid='disclosure-upload-send' disabled={suspended ? true : undefined} onClick={() => void send()}>
              {phase === 'failed' ? '重新上传' : `开始上传（${parsed.items.length} 项）`}
            </Button>
          )}
          {phase === 'sending' && <Text className='cx-dept-card__text'>上传中…</Text>}
          {phase === 'done' && (
            <Button className='cx-btn' data-testid='disclosure-upload-to-list' onClick={() => void Taro.redirectTo({ url: DISCLOSURE_PAGES.list })}>
              查看双公示列表
            </Button>
          )}
          {phase !== 'sending' && (
            <Button className='cx-btn cx-btn--secondary' data-testid='disclosure-upload-rechoose' onClick={() => setUpload(null)}>
              重新选择文件
            </Button>
          )}
        </View>
      </View>
      {phase !== 'ready' && (
        <View className='cx-upload__summary' data-testid='disclosure-upload-summary'>
          <View className='cx-upload__stat cx-upload__stat--ok'>
            <Text className='cx-upload__stat-num'>{totals.accepted}</Text>
            <Text className='cx-upload__stat-label'>接收</Text>
          </View>
          <View className='cx-upload__stat cx-upload__stat--warn'>
            <Text className='cx-upload__stat-num'>{totals.duplicates}</Text>
            <Text className='cx-upload__stat-label'>重复</Text>
          </View>
          <View className='cx-upload__stat cx-upload__stat--bad'>
            <Text className='cx-upload__stat-num'>{totals.rejected}</Text>
            <Text className='cx-upload__stat-label'>拒绝</Text>
          </View>
          <View className='cx-upload__stat cx-upload__stat--warn'>
            <Text className='cx-upload__stat-num' data-testid='disclosure-upload-late'>
              {totals.late}
            </Text>
            <Text className='cx-upload__stat-label'>迟报</Text>
          </View>
        </View>
      )}
      {(phase !== 'ready' || upload.results.length > 0) && <ResultTable results={upload.results} />}
    </View>
  );
}

/** 双公示批量上传: a CF or XK file with the standard's headers, sent 500 at a time, a result per line. */
export default function DisclosureUploadPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='双公示批量上传'>
      {(user) => <Uploader user={user} />}
    </DepartmentShell>
  );
}
