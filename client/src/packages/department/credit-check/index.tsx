import { useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import FilterChip from '../../../components/filter-chip';
import TextAreaField from '../../../components/text-area-field';
import { CHECK_PURPOSES, CREDIT_CHECK_PAGES, creditCheckResultPage, MAX_SUBJECTS_PER_CHECK, runCreditCheck, type CheckPurpose } from '../../../services/credit-checks-api';
import { callFailureText } from '../shared/codes';
import { FileError, pickRecordsFile } from '../shared/file-io';
import { DepartmentShell, isSuspended, useDepartmentMe } from '../shared/workbench';
import type { DepartmentMe } from '../../../services/department-api';
import { listBlocker, parseSubjectsList } from './subjects-list';
import './index.scss';

const PROBLEMS_SHOWN = 10;

function CheckForm({ user }: { user: DepartmentMe }) {
  const [purpose, setPurpose] = useState<CheckPurpose | null>(null);
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const list = useMemo(() => parseSubjectsList(text), [text]);
  const blocker = listBlocker(list);
  const suspended = isSuspended(user);

  const importFile = async () => {
    setError(null);
    try {
      const picked = await pickRecordsFile();
      if (!picked) return;
      setText(picked.text.replace(/^\uFEFF/, ''));
      setFileNote(`已导入「${picked.name}」${picked.legacyEncoding ? '（按 GBK 编码读取）' : ''}，可在下方继续修改`);
    } catch (e) {
      setError(e instanceof FileError ? e.message : '文件读取失败，请重新选择');
    }
  };

  const start = async () => {
    setTried(true);
    if (running.current || !purpose || blocker || suspended) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const check = await runCreditCheck({ purpose, subjects: list.codes }, { silent: true });
      await Taro.navigateTo({ url: creditCheckResultPage(check.id) });
    } catch (e) {
      setError(callFailureText(e, '核查失败，请稍后重试'));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View data-testid='check-form'>
      <View className='cx-dept-card'>
        <Text className='cx-dept-card__title'>核查用途</Text>
        <Text className='cx-dept-card__text'>不同用途适用的联合惩戒措施不同，请按本次业务选择。</Text>
        <View className='cx-check__purposes'>
          {CHECK_PURPOSES.map((p) => (
            <FilterChip key={p.value} label={p.label} active={purpose === p.value} testId={`check-purpose-${p.value}`} onClick={() => setPurpose(p.value)} />
          ))}
        </View>
        {tried && !purpose && (
          <Text className='cx-check__error' data-testid='check-purpose-error'>
            请选择核查用途
          </Text>
        )}
      </View>

      <View className='cx-dept-card'>
        <Text className='cx-dept-card__title'>核查名单</Text>
        <TextAreaField
          label='统一社会信用代码（每行一个）'
          value={text}
          onChange={(v) => {
            setText(v);
            setFileNote(null);
          }}
          placeholder={'如：\n91410104MA00000000\n91410104MA11111111'}
          hint={`一次最多 ${MAX_SUBJECTS_PER_CHECK} 家；可从表格复制一列粘贴`}
          maxlength={-1}
          tall
          testId='check-subjects'
        />
        <Button className='cx-btn cx-btn--secondary cx-check__import' data-testid='check-import' onClick={() => void importFile()}>
          从文件导入（txt / csv）
        </Button>
        {fileNote && (
          <Text className='cx-dept-card__text cx-check__file' data-testid='check-file'>
            {fileNote}
          </Text>
        )}
        <View className='cx-check__status' data-testid='check-status' aria-live='polite'>
          <Text>
            {list.codes.length === 0 && list.problems.length === 0
              ? '尚未填写企业'
              : `有效代码 ${list.codes.length} 个${list.repeats > 0 ? `，重复 ${list.repeats} 行（只核查一次）` : ''}${list.problems.length > 0 ? `，有误 ${list.problems.length} 行` : ''}`}
          </Text>
        </View>
        {list.problems.length > 0 && (
          <View className='cx-check__problems' data-testid='check-problems'>
            {list.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
              <Text key={p.line} className='cx-check__problem' data-testid='check-problem'>
                第 {p.line} 行 {p.value}：{p.message}
              </Text>
            ))}
            {list.problems.length > PROBLEMS_SHOWN && <Text className='cx-check__problem'>…另有 {list.problems.length - PROBLEMS_SHOWN} 行有误</Text>}
          </View>
        )}
      </View>

      {tried && blocker && (
        <View className='cx-dept-error' data-testid='check-blocker' role='alert'>
          <Text>{blocker}</Text>
        </View>
      )}
      {error && (
        <View className='cx-dept-error' data-testid='check-error' role='alert'>
          <Text>{error}</Text>
        </View>
      )}
      <View className='cx-dept-actions'>
        <Button className='cx-btn' data-testid='check-submit' disabled={busy || suspended ? true : undefined} onClick={() => void start()}>
          {busy ? '核查中…' : list.codes.length > 0 ? `开始核查（${list.codes.length} 家）` : '开始核查'}
        </Button>
        <Button className='cx-btn cx-btn--secondary' data-testid='check-history' onClick={() => void Taro.navigateTo({ url: CREDIT_CHECK_PAGES.list })}>
          核查记录
        </Button>
      </View>
      <Text className='cx-check__note'>核查结果由区信用中心签名，可在「报告核验」中验证真伪；每家被核查企业都能在「谁查看了我的信用」中看到本部门和核查用途。</Text>
    </View>
  );
}

/** 信用核查: the department picks a purpose and a list of businesses and runs the check. */
export default function CreditCheckPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='信用核查' subtitle='采购、招投标、审批、评优和补贴前核查企业信用'>
      {(user) => <CheckForm user={user} />}
    </DepartmentShell>
  );
}
