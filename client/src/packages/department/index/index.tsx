import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EntryCard from '../../../components/entry-card';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import type { DepartmentMe } from '../../../services/department-api';
import { DEPARTMENT_PAGES } from '../../../services/department-pages';
import { DISCLOSURE_PAGES } from '../../../services/disclosures-api';
import { PUBLIC_COLUMN_PAGES } from '../../../services/commitments-api';
import { CREDIT_CHECK_PAGES } from '../../../services/credit-checks-api';
import { listCases, type CaseKind } from '../../../services/rights-api';
import { adminCasesPage } from '../../../services/rights-pages';
import TemplateCard from '../shared/template-card';
import { DepartmentShell, useDepartmentMe, useDepartmentRules } from '../shared/workbench';
import './index.scss';

const QUEUE_PEEK = 100;

/** How many cases of one kind wait for this department, and how many of them are overdue. */
async function queueSummary(kind: CaseKind) {
  const page = await listCases(kind, { status: 'OPEN', limit: QUEUE_PEEK }, { silent: true });
  return { open: page.items.length, overdue: page.items.filter((c) => c.overdue).length, more: page.nextCursor !== null };
}

function QueueEntry({ kind, refresh }: { kind: CaseKind; refresh: number }) {
  const summary = useRequest(() => queueSummary(kind), [kind, refresh]);
  const s = summary.data;
  const description = summary.error
    ? '待办数量加载失败，点击进入查看'
    : s
      ? s.open === 0
        ? '暂无待处理事项'
        : `待处理 ${s.open}${s.more ? '+' : ''} 件${s.overdue > 0 ? `，其中已超期 ${s.overdue} 件` : ''}；须在 5 个工作日内答复`
      : '加载中…';
  return (
    <EntryCard
      badge={kind === 'objection' ? '异' : '修'}
      tone='accent'
      title={kind === 'objection' ? '异议处理' : '信用修复申请'}
      description={description}
      testId={`dept-queue-${kind}`}
      onClick={() => void Taro.navigateTo({ url: adminCasesPage(kind) })}
    />
  );
}

const go = (url: string) => () => void Taro.navigateTo({ url });

function Workbench({ user, refresh }: { user: DepartmentMe; refresh: number }) {
  const rules = useDepartmentRules(user, refresh);
  const list = rules.data ?? [];
  const persons = list.filter((r) => r.subjectType === 'person').length;
  const enterprises = list.length - persons;

  return (
    <View className='cx-dept-home' data-testid='dept-home'>
      <View className='cx-dept-home__grid'>
        <View className='cx-dept-home__column'>
          <Text className='cx-dept-home__section'>信用记录报送</Text>
          <EntryCard
            badge='报'
            title='报送一条记录'
            description='逐项填写，身份证号码、统一社会信用代码即时校验'
            testId='dept-entry-submit'
            onClick={go(DEPARTMENT_PAGES.submit)}
          />
          <EntryCard
            badge='传'
            title='批量上传'
            description='选择 CSV 或 JSONL 文件，自动每 500 条分批报送，逐行给出结果'
            testId='dept-entry-upload'
            onClick={go(DEPARTMENT_PAGES.upload)}
          />
          <EntryCard
            badge='录'
            title='已报送记录'
            description='查看每条记录的状态：已生效、待本人注册、异议中、已修复…'
            testId='dept-entry-records'
            onClick={go(DEPARTMENT_PAGES.records)}
          />
          <EntryCard
            badge='公'
            title='双公示'
            description='报送行政许可、行政处罚决定（7 个工作日内），查看迟报标记和公示期限'
            testId='dept-entry-disclosures'
            onClick={go(DISCLOSURE_PAGES.list)}
          />
          <EntryCard
            badge='诺'
            title='违诺记录'
            description='按统一社会信用代码找到企业的信用承诺，记录违诺'
            testId='dept-entry-breaches'
            onClick={go(PUBLIC_COLUMN_PAGES.breaches)}
          />
          <View className='cx-dept-card' data-testid='dept-rules'>
            <Text className='cx-dept-card__title'>本部门可报送的规则</Text>
            {rules.loading && !rules.data && <Text className='cx-dept-card__text'>加载中…</Text>}
            {rules.error !== undefined && !rules.loading && (
              <Text className='cx-dept-card__text' data-testid='dept-rules-error'>
                规则目录加载失败，下拉页面可重试。
              </Text>
            )}
            {rules.data && !rules.error && (
              <Text className='cx-dept-card__text' data-testid='dept-rules-count'>
                {list.length === 0
                  ? '信用信息目录中暂无本部门可报送的规则，请联系信用中心。'
                  : `共 ${list.length} 条：个人 ${persons} 条 · 企业 ${enterprises} 条。报送时只能选择这些规则。`}
              </Text>
            )}
          </View>
        </View>
        <View className='cx-dept-home__column'>
          <Text className='cx-dept-home__section'>信用核查</Text>
          <EntryCard
            badge='查'
            title='信用核查'
            description='采购、招投标、审批、评优、补贴前核查企业信用，一次最多 200 家，结果带签名报告'
            testId='dept-entry-credit-check'
            onClick={go(CREDIT_CHECK_PAGES.start)}
          />
          <EntryCard badge='史' title='核查记录' description='本部门发起过的核查，随时查看结论和报告' testId='dept-entry-credit-checks' onClick={go(CREDIT_CHECK_PAGES.list)} />
          <Text className='cx-dept-home__section'>待办</Text>
          <QueueEntry kind='objection' refresh={refresh} />
          <QueueEntry kind='repair' refresh={refresh} />
          <TemplateCard rules={list} />
        </View>
      </View>
    </View>
  );
}

/** 部门工作台: the department's name, its shortcuts, its queues and the upload templates. */
export default function DepartmentHome() {
  const session = useDepartmentMe();
  // Bumped by a pull and on coming back (from a queue: the counts include what was just answered).
  const [refresh, setRefresh] = useState(0);
  usePullToRefresh(async () => {
    setRefresh((n) => n + 1);
    await session.reload();
  });
  useReloadOnReturn(() => setRefresh((n) => n + 1));
  return (
    <DepartmentShell session={session} title='部门工作台' subtitle={session.user?.name}>
      {(user) => <Workbench user={user} refresh={refresh} />}
    </DepartmentShell>
  );
}
