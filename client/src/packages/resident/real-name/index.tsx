import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { accountChanged } from '../../../services/account';
import {
  getMe,
  getSensitivePiConsent,
  isApiError,
  verifyRealName,
  type ConsentDocument as ConsentDoc,
  type RealNameResult,
} from '../../../services/api';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { saveToken, useToken } from '../../../services/session';
import { consentSections, DEFAULT_CONSENT_TITLE } from './consent-text';
import { ID_LENGTH, idError, idHint, nameError, normaliseIdNumber } from './id-hint';
import { labelled } from '../../../components/field-label';
import './index.scss';

// Answers this form explains next to the fields, so the API client raises no toast for them.
const FORM_CODES = [
  'INVALID_ID_NUMBER',
  'VALIDATION_FAILED',
  'ID_NUMBER_TAKEN',
  'ALREADY_VERIFIED',
  'CONSENT_OUTDATED',
  'IDENTITY_MISMATCH',
  'IDENTITY_SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
];
const REDIRECT_AFTER_MS = 1500;

interface FieldErrors {
  name?: string;
  idNumber?: string;
  consent?: string;
}

const consentRequired = (title: string) => `请先阅读并勾选同意《${title}》`;

async function loadForm() {
  const [consent, me] = await Promise.all([getSensitivePiConsent(), getMe()]);
  return { consent, me: me.user };
}

const goToCredit = () => void Taro.redirectTo({ url: RESIDENT_PAGES.credit });

/** The server's text, word for word, with the version the resident will be agreeing to. */
function ConsentDocument({ doc, onAgree, onClose }: { doc: ConsentDoc; onAgree: () => void; onClose: () => void }) {
  return (
    <View className='cx-consent' data-testid='consent-doc' role='dialog' aria-label={doc.title} catchMove>
      <View className='cx-consent__sheet'>
        <Text className='cx-consent__title'>《{doc.title}》</Text>
        <Text className='cx-consent__version'>版本 {doc.version}</Text>
        <ScrollView className='cx-consent__body' scrollY>
          {consentSections(doc.text).map((s, i) => (
            <View key={`${i}-${s.heading}`} className='cx-consent__section'>
              {s.heading && <Text className='cx-consent__heading'>{s.heading}</Text>}
              <Text className='cx-consent__text'>{s.text}</Text>
            </View>
          ))}
        </ScrollView>
        <View className='cx-consent__actions'>
          <Button className='cx-btn cx-btn--secondary cx-consent__btn' data-testid='consent-close' onClick={onClose}>
            暂不同意
          </Button>
          <Button className='cx-btn cx-consent__btn' data-testid='consent-agree' onClick={onAgree}>
            我已阅读并同意
          </Button>
        </View>
      </View>
    </View>
  );
}

/**
 * 实名认证: name and ID number (checked as typed with the server's own rules), a separate consent
 * to process sensitive personal information — the server's own text, whose version is sent back —
 * then the server has an identity-verification service compare name and number, then 我的信用. The ID number lives only in this
 * page's state while it is typed, is sent once over HTTPS, and is cleared when the server answers yes.
 */
export default function RealNamePage() {
  const token = useToken();
  const form = useRequest(loadForm, [token], token !== null);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [consentRead, setConsentRead] = useState(false);
  const [consentChecked, setConsentChecked] = useState(false);
  const [showConsent, setShowConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server said name and number do not belong together: both fields are marked until edited.
  const [mismatch, setMismatch] = useState(false);
  // Today's failed attempts are used up (429): no point sending more until tomorrow.
  const [blocked, setBlocked] = useState(false);
  const [result, setResult] = useState<RealNameResult | null>(null);
  // The server's fresh session (it names the new credit subject), kept when leaving the page so
  // this page does not reload under the success message.
  const freshToken = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (freshToken.current) saveToken(freshToken.current);
    },
    [],
  );

  useEffect(() => {
    if (!result) return undefined;
    const timer = setTimeout(goToCredit, REDIRECT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [result]);

  const data = form.data;
  const consentTitle = data?.consent.title ?? DEFAULT_CONSENT_TITLE;
  const hint = idHint(idNumber);

  const openConsent = () => setShowConsent(true);
  const agree = () => {
    setShowConsent(false);
    setConsentRead(true);
    setConsentChecked(true);
    setErrors((e) => ({ ...e, consent: undefined }));
  };
  const toggleConsent = () => {
    // The box can only be ticked by someone who has opened the text.
    if (!consentRead) return openConsent();
    setConsentChecked((c) => !c);
  };

  const submit = async () => {
    if (busy || blocked || !data) return;
    const found: FieldErrors = {
      name: nameError(name) ?? undefined,
      idNumber: idError(idNumber) ?? undefined,
      consent: consentChecked ? undefined : consentRequired(consentTitle),
    };
    setErrors(found);
    setFormError(null);
    setMismatch(false);
    if (found.name || found.idNumber || found.consent) return;

    setBusy(true);
    try {
      const verified = await verifyRealName(
        { name: name.trim(), idNumber, consent: true, consentVersion: data.consent.version },
        { quietCodes: FORM_CODES },
      );
      setIdNumber('');
      setName('');
      if (verified.token) freshToken.current = verified.token;
      setResult(verified);
      accountChanged();
    } catch (e) {
      if (!isApiError(e)) {
        setFormError('认证失败，请稍后重试');
      } else if (e.code === 'INVALID_ID_NUMBER') {
        setErrors({ idNumber: e.message });
      } else if (e.code === 'VALIDATION_FAILED') {
        const details = Array.isArray(e.details) ? (e.details as { field?: string; message?: string }[]) : [];
        const byField = (f: string) => details.find((d) => d.field === f)?.message;
        setErrors({ name: byField('name'), idNumber: byField('idNumber'), consent: byField('consent') });
        setFormError(e.message);
      } else if (e.code === 'CONSENT_OUTDATED') {
        // A newer text was published meanwhile: it must be read and accepted again.
        setConsentRead(false);
        setConsentChecked(false);
        setFormError(e.message);
        void form.reload();
      } else if (e.code === 'IDENTITY_MISMATCH') {
        setMismatch(true);
        setFormError(e.message);
      } else if (e.code === 'RATE_LIMITED') {
        setBlocked(true);
        setFormError(e.message);
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const me = data?.me;
  const notResident = me !== undefined && !me.roles.includes('resident');

  return (
    <PageShell
      loading={form.loading && !data}
      error={form.error}
      onRetry={form.reload}
      empty={notResident}
      emptyTitle='无需实名认证'
      emptyDescription='实名认证仅面向居民账号，用于查看个人信用积分。'
    >
      {data && me && !notResident && (
        <View data-testid='real-name-page'>
          {result ? (
            <View className='cx-card cx-realname__done' data-testid='realname-success'>
              <View className='cx-realname__tick'>
                <Text>✓</Text>
              </View>
              <Text className='cx-realname__done-title'>实名认证成功</Text>
              <Text className='cx-realname__done-text'>
                {result.name}，身份证号 <Text data-testid='realname-masked'>{result.maskedIdNumber}</Text>
              </Text>
              <Text className='cx-text-secondary'>正在前往我的信用…</Text>
              <Button className='cx-btn cx-btn--block cx-realname__go' data-testid='realname-go-credit' onClick={goToCredit}>
                查看我的信用
              </Button>
            </View>
          ) : me.realNameVerified ? (
            <View className='cx-card cx-realname__done' data-testid='realname-already'>
              <Text className='cx-realname__done-title'>您已完成实名认证</Text>
              {me.maskedIdNumber && <Text className='cx-realname__done-text'>身份证号 {me.maskedIdNumber}</Text>}
              <Button className='cx-btn cx-btn--block cx-realname__go' onClick={goToCredit}>
                查看我的信用
              </Button>
            </View>
          ) : (
            <View>
              <View className='cx-card cx-realname__intro'>
                <Text className='cx-realname__intro-title'>为什么要实名认证</Text>
                <Text className='cx-realname__intro-text'>
                  各部门报送的信用记录按身份证号码对应到个人。完成认证并同意授权后，才能查看您的信用积分、信用记录和可享受的信易+ 权益。
                </Text>
              </View>

              <View className='cx-card'>
                <View className='cx-realname__field'>
                  <Text className='cx-realname__label'>姓名</Text>
                  <View className={`cx-realname__box${errors.name || mismatch ? ' cx-realname__box--error' : ''}`} data-testid='realname-name-box'>
                    <Input
                      className='cx-realname__input'
                      data-testid='realname-name'
                      {...labelled('姓名')}
                      value={name}
                      maxlength={20}
                      placeholder='与身份证一致的姓名'
                      onInput={(e) => {
                        setName(e.detail.value);
                        setErrors((x) => ({ ...x, name: undefined }));
                        setMismatch(false);
                      }}
                    />
                  </View>
                  {errors.name && (
                    <Text className='cx-realname__msg cx-realname__msg--error' data-testid='realname-name-error'>
                      {errors.name}
                    </Text>
                  )}
                </View>

                <View className='cx-realname__field'>
                  <Text className='cx-realname__label'>身份证号码</Text>
                  <View
                    className={`cx-realname__box${errors.idNumber || mismatch || hint?.tone === 'error' ? ' cx-realname__box--error' : ''}`}
                    data-testid='realname-id-box'
                  >
                    <Input
                      className='cx-realname__input'
                      data-testid='realname-id'
                      {...labelled('身份证号码')}
                      type='idcard'
                      value={idNumber}
                      maxlength={ID_LENGTH}
                      placeholder='18 位居民身份证号码'
                      onInput={(e) => {
                        setIdNumber(normaliseIdNumber(e.detail.value));
                        setErrors((x) => ({ ...x, idNumber: undefined }));
                        setMismatch(false);
                      }}
                    />
                  </View>
                  {errors.idNumber ? (
                    <Text className='cx-realname__msg cx-realname__msg--error' data-testid='realname-id-hint'>
                      {errors.idNumber}
                    </Text>
                  ) : (
                    hint && (
                      <Text className={`cx-realname__msg cx-realname__msg--${hint.tone}`} data-testid='realname-id-hint'>
                        {hint.text}
                      </Text>
                    )
                  )}
                </View>

                <View className='cx-realname__consent'>
                  <View
                    className={`cx-realname__check${consentChecked ? ' cx-realname__check--on' : ''}`}
                    data-testid='realname-consent-check'
                    role='checkbox'
                    aria-checked={consentChecked}
                    aria-label={`我已阅读并同意《${consentTitle}》`}
                    onClick={toggleConsent}
                  >
                    {consentChecked && <Text>✓</Text>}
                  </View>
                  <View className='cx-realname__consent-text'>
                    <Text>我已阅读并同意</Text>
                    <Text role='button' className='cx-realname__consent-link' data-testid='realname-consent-open' onClick={openConsent}>
                      《{consentTitle}》
                    </Text>
                    {!consentRead && <Text className='cx-realname__consent-tip'>（请先点开阅读）</Text>}
                  </View>
                </View>
                {errors.consent && (
                  <Text className='cx-realname__msg cx-realname__msg--error' data-testid='realname-consent-error'>
                    {errors.consent}
                  </Text>
                )}

                {formError && (
                  <View className='cx-realname__form-error' data-testid='realname-error' role='alert'>
                    <Text>{formError}</Text>
                  </View>
                )}

                <Button
                  className='cx-btn cx-btn--block cx-realname__submit'
                  data-testid='realname-submit'
                  // Only while sending: Taro's H5 button would render disabled="false", which still reads as disabled.
                  disabled={busy || blocked ? true : undefined}
                  onClick={submit}
                >
                  {busy ? '核验中…' : blocked ? '今日已无法再认证' : '同意授权并认证'}
                </Button>
                <Text className='cx-realname__privacy'>
                  姓名和身份证号码将发送给身份核验服务比对是否一致；号码不会以原文保存，页面和日志中只出现脱敏号码。
                </Text>
              </View>
            </View>
          )}
          {showConsent && (
            <ConsentDocument doc={data.consent} onAgree={agree} onClose={() => setShowConsent(false)} />
          )}
        </View>
      )}
    </PageShell>
  );
}
