import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import CommitmentCard from '../../../components/commitment-card';
import { labelled } from '../../../components/field-label';
import Field from '../../../components/loans/field';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import { EmptyState } from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import {
  getCommitmentTemplates,
  getMyCommitments,
  newIdempotencyKey,
  publicEnterprisePage,
  signCommitment,
  type TemplateView,
} from '../../../services/commitments-api';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { chinaDate } from '../../../services/time';
import { detailsByField, loadMyEnterprise } from '../shared/enterprise';
import './index.scss';

interface SignFormProps {
  templates: TemplateView[];
  onSigned: (signedAt: string) => void;
}

/** Choose a template, read its clauses, give the subject matter where the type needs one, agree and sign. */
function SignForm({ templates, onSigned }: SignFormProps) {
  const [chosen, setChosen] = useState<TemplateView | null>(null);
  const [subject, setSubject] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per open form: a double tap or a retry after a lost answer signs once.
  const [key, setKey] = useState(newIdempotencyKey);
  const sending = useRef(false);

  const choose = (t: TemplateView) => {
    setChosen(t);
    setAgreed(false);
    setError(null);
    setSubjectError(null);
  };

  const sign = async () => {
    if (!chosen || sending.current) return;
    const matter = subject.trim();
    if (chosen.subjectMatter.required && matter.length < 2) {
      setSubjectError(`请填写${chosen.subjectMatter.label}（至少 2 个字）`);
      return;
    }
    if (!agreed) {
      setError('请先阅读全部条款，并勾选「我已阅读并同意」');
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await signCommitment({ templateId: chosen.id, ...(matter ? { subjectMatter: matter } : {}) }, key, { quietCodes: ['COMMITMENT_BARRED', 'VALIDATION_FAILED', 'NOT_FOUND'] });
      setChosen(null);
      setSubject('');
      setAgreed(false);
      setKey(newIdempotencyKey());
      onSigned(res.signedAt);
    } catch (e) {
      if (isApiError(e)) {
        const fields = detailsByField(e.details);
        if (fields.subjectMatter) setSubjectError(fields.subjectMatter);
        else setError(e.message);
      } else setError('签署失败，请稍后重试');
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-card' data-testid='commitment-sign'>
      <Text className='cx-section-title'>签署信用承诺</Text>
      <Text className='cx-csign__intro'>选择承诺书，阅读全部条款后签署。签署后的承诺在本企业的信用公示页公开，违背承诺将记入企业信用记录。</Text>
      <View className='cx-csign__templates'>
        {templates.map((t) => (
          <View
            key={t.id}
            role='radio'
            aria-checked={chosen?.id === t.id}
            className={`cx-csign__template${chosen?.id === t.id ? ' cx-csign__template--chosen' : ''}`}
            data-testid='commitment-template'
            data-template-id={t.id}
            onClick={() => choose(t)}
          >
            <Text className='cx-csign__template-type'>{t.typeLabel}</Text>
            <Text className='cx-csign__template-title'>{t.title}</Text>
          </View>
        ))}
      </View>
      {chosen && (
        <View className='cx-csign__form' data-testid='commitment-form'>
          <Text className='cx-csign__clauses-title'>承诺条款</Text>
          <View className='cx-csign__clauses' data-testid='commitment-form-clauses'>
            {chosen.clauses.map((c, i) => (
              <Text key={i} className='cx-csign__clause'>
                {i + 1}. {c}
              </Text>
            ))}
          </View>
          <Field
            label={chosen.subjectMatter.required ? chosen.subjectMatter.label : '承诺事项'}
            optional={!chosen.subjectMatter.required}
            message={subjectError ? { tone: 'error', text: subjectError } : chosen.type === 'approval' ? { tone: 'info', text: '填写以告知承诺方式办理的审批事项，如「食品经营许可」' } : null}
            testId='commitment-subject'
          >
            <Input
              className='cx-loan-field__input'
              data-testid='commitment-subject'
              {...labelled(chosen.subjectMatter.label)}
              value={subject}
              maxlength={200}
              placeholder={chosen.subjectMatter.required ? '必填' : '可不填'}
              onInput={(e) => {
                setSubject(e.detail.value);
                setSubjectError(null);
              }}
            />
          </Field>
          <View
            role='checkbox'
            aria-checked={agreed}
            className={`cx-csign__agree${agreed ? ' cx-csign__agree--on' : ''}`}
            data-testid='commitment-agree'
            onClick={() => {
              setAgreed((v) => !v);
              setError(null);
            }}
          >
            <Text className='cx-csign__agree-box'>{agreed ? '✓' : ''}</Text>
            <Text className='cx-csign__agree-text'>我已阅读并同意以上全部条款，自愿作出信用承诺</Text>
          </View>
          {error && (
            <Text className='cx-csign__error' data-testid='commitment-error' role='alert'>
              {error}
            </Text>
          )}
          <Button className='cx-btn cx-csign__go' data-testid='commitment-submit' disabled={busy ? true : undefined} onClick={() => void sign()}>
            签署承诺
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * 信用承诺 of the business: sign one from a published template, and the business's commitments
 * with their 违诺 marks, as the public sees them.
 */
export default function EnterpriseCommitmentsPage() {
  const me = useRoleMe('enterprise');
  const business = useRequest(loadMyEnterprise, [me.user?.id, me.user?.orgId], me.allowed);
  const registered = Boolean(business.data);
  const templates = useRequest(() => getCommitmentTemplates(), [], registered);
  const mine = useRequest(() => getMyCommitments(), [me.user?.orgId], registered);
  const [signedAt, setSignedAt] = useState<string | null>(null);
  usePullToRefresh(async () => {
    await Promise.all([business.reload(), templates.reload(), mine.reload()]);
  });
  const b = business.data;

  return (
    <RoleShell
      me={me}
      name='信用承诺'
      loading={b === undefined && !business.error}
      error={business.error ?? templates.error ?? mine.error}
      onRetry={() => void Promise.all([business.reload(), templates.reload(), mine.reload()])}
      empty={b === null}
      emptyTitle='尚未完成企业认证'
      emptyDescription='完成企业认证后即可签署信用承诺。'
      emptyAction={{ text: '去企业认证', onClick: () => void Taro.redirectTo({ url: ENTERPRISE_PAGES.register }) }}
    >
      {() =>
        b && (
          <View data-testid='enterprise-commitments'>
            {signedAt && (
              <View className='cx-card cx-csign__done' data-testid='commitment-signed-banner' role='status'>
                <Text>已于 {chinaDate(signedAt)} 签署，承诺已在企业信用公示页公开。</Text>
              </View>
            )}
            {templates.data && (
              <SignForm
                templates={templates.data.items}
                onSigned={(at) => {
                  setSignedAt(at);
                  void mine.reload();
                }}
              />
            )}
            <View className='cx-card' data-testid='my-commitments'>
              <View className='cx-csign__list-head'>
                <Text className='cx-section-title'>本企业的信用承诺</Text>
                <Text
                  role='link'
                  className='cx-csign__public-link'
                  data-testid='commitments-public-link'
                  onClick={() => void Taro.navigateTo({ url: publicEnterprisePage(b.uscc) })}
                >
                  查看公示页 ›
                </Text>
              </View>
              {mine.data && mine.data.items.length === 0 && <EmptyState title='尚未签署信用承诺' description='签署的承诺会显示在这里，并在企业信用公示页公开。' testId='my-commitments-empty' />}
              {mine.data?.items.map((c) => <CommitmentCard key={c.id} commitment={c} />)}
            </View>
          </View>
        )
      }
    </RoleShell>
  );
}
