import { useRef, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { redeemPass } from '../../../services/api';
import { remainingText } from '../../../services/incentives';
import { MERCHANT_PAGES } from '../../../services/merchant-pages';
import { chinaDateTime } from '../../../services/time';
import { MerchantHeader, MerchantShell, useMerchantMe } from '../shared/merchant';
import { normalizePass, PASS_LENGTH, refusalOf, type Outcome } from './redeem-outcome';
import { labelled } from '../../../components/field-label';
import './index.scss';

const isMiniProgram = () => process.env.TARO_ENV === 'weapp';

function ResultCard({ outcome, onNext, onRetry }: { outcome: Outcome; onNext: () => void; onRetry: () => void }) {
  if (outcome.kind === 'passed') {
    const r = outcome.redemption;
    return (
      <View className='cx-card cx-verdict cx-verdict--passed' data-testid='verify-result' data-result='passed'>
        <View className='cx-verdict__mark'>
          <Text>✓</Text>
        </View>
        <Text className='cx-verdict__title'>通过</Text>
        <Text className='cx-verdict__benefit' data-testid='result-benefit'>
          {r.benefit}
        </Text>
        <Text className='cx-verdict__scenario'>{r.incentiveTitle} · 已登记核销</Text>
        <View className='cx-verdict__rows'>
          <View className='cx-verdict__row'>
            <Text className='cx-verdict__label'>居民</Text>
            <Text className='cx-verdict__value cx-verdict__value--big' data-testid='result-masked-name'>
              {r.resident.maskedName}
            </Text>
          </View>
          <View className='cx-verdict__row'>
            <Text className='cx-verdict__label'>剩余次数</Text>
            <Text className='cx-verdict__value' data-testid='result-remaining'>
              {remainingText(r.remainingQuota, r.quotaPeriod)}
            </Text>
          </View>
          <View className='cx-verdict__row'>
            <Text className='cx-verdict__label'>核销时间</Text>
            <Text className='cx-verdict__value'>{chinaDateTime(r.redeemedAt)}</Text>
          </View>
        </View>
        <Button className='cx-btn cx-btn--block cx-verdict__next' data-testid='verify-next' onClick={onNext}>
          继续核验
        </Button>
      </View>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <View className='cx-card cx-verdict cx-verdict--refused' data-testid='verify-result' data-result='refused' data-code={outcome.code}>
        <View className='cx-verdict__mark'>
          <Text>✗</Text>
        </View>
        <Text className='cx-verdict__title'>不通过</Text>
        <Text className='cx-verdict__reason' data-testid='result-reason'>
          {outcome.message}
        </Text>
        {outcome.residentTold && (
          <Text className='cx-verdict__scenario' data-testid='result-resident-told'>
            具体原因已显示在居民本人手机上
          </Text>
        )}
        <Text className='cx-verdict__scenario'>未登记核销，请勿提供优惠</Text>
        <Button className='cx-btn cx-btn--block cx-verdict__next' data-testid='verify-next' onClick={onNext}>
          继续核验
        </Button>
      </View>
    );
  }
  return (
    <View className='cx-card cx-verdict cx-verdict--unfinished' data-testid='verify-result' data-result='unfinished'>
      <View className='cx-verdict__mark'>
        <Text>!</Text>
      </View>
      <Text className='cx-verdict__title'>未完成核验</Text>
      <Text className='cx-verdict__reason' data-testid='result-reason'>
        {outcome.message}
      </Text>
      <Button className='cx-btn cx-btn--block cx-verdict__next' data-testid='verify-retry' onClick={onRetry}>
        重试
      </Button>
      <Button className='cx-btn cx-btn--secondary cx-btn--block cx-verdict__again' data-testid='verify-next' onClick={onNext}>
        重新输入
      </Button>
    </View>
  );
}

/**
 * 核验: the merchant scans (mini program) or types/pastes (H5) a resident's pass; the server
 * redeems it in the same step and the answer fills one large card. One request at a time: a
 * double tap, or a second scan while the first is answered, is ignored.
 */
export default function VerifyPage() {
  const me = useMerchantMe();
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = useRef(false);
  const miniProgram = isMiniProgram();

  const submit = async (raw: string) => {
    if (busy.current) return;
    const pass = normalizePass(raw);
    if (pass === '') {
      setInputError('请输入或粘贴居民出示的凭证码');
      return;
    }
    busy.current = true;
    setPending(true);
    setInputError(null);
    try {
      const redemption = await redeemPass(pass, { silent: true });
      setOutcome({ kind: 'passed', redemption });
    } catch (e) {
      setOutcome(refusalOf(e, pass));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  const scan = async () => {
    if (busy.current) return;
    let result: string;
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      // Closing the camera is not an error.
      return;
    }
    setOutcome(null);
    await submit(result);
  };

  useLoad((options) => {
    if (options?.scan === '1' && isMiniProgram()) void scan();
  });

  const next = () => {
    setOutcome(null);
    setInput('');
    setInputError(null);
  };

  const retry = () => {
    if (outcome?.kind === 'unfinished') void submit(outcome.pass);
  };

  const typed = normalizePass(input).length;

  return (
    <MerchantShell me={me} name='凭证核验'>
      {(user) => (
        <View data-testid='verify-page'>
          <MerchantHeader title='核验凭证' user={user} />
          {outcome ? (
            <ResultCard outcome={outcome} onNext={next} onRetry={retry} />
          ) : (
            <View>
              {miniProgram && (
                <View className='cx-card cx-verify__scan-card'>
                  <Button className='cx-btn cx-btn--block cx-verify__scan' data-testid='verify-scan' disabled={pending ? true : undefined} onClick={() => void scan()}>
                    {pending ? '核验中…' : '扫码核验'}
                  </Button>
                  <Text className='cx-verify__hint'>扫描居民出示的信用凭证二维码，扫码即核销。</Text>
                </View>
              )}
              <View className='cx-card'>
                <Text className='cx-section-title'>{miniProgram ? '无法扫码时输入凭证码' : '输入凭证码'}</Text>
                <Text className='cx-verify__hint'>请居民在「出示凭证」页面提供二维码下方的 {PASS_LENGTH} 位凭证码，粘贴或输入后核验；核验通过即登记核销。</Text>
                <Input
                  className='cx-verify__input'
                  data-testid='verify-input'
                  {...labelled('凭证码')}
                  value={input}
                  maxlength={80}
                  placeholder='粘贴或输入凭证码'
                  confirmType='done'
                  onInput={(e) => {
                    setInput(e.detail.value);
                    if (inputError) setInputError(null);
                  }}
                  onConfirm={() => void submit(input)}
                />
                <View className='cx-verify__meta'>
                  <Text className={inputError ? 'cx-verify__error' : 'cx-verify__count'} data-testid='verify-input-hint'>
                    {inputError ?? `已输入 ${typed} / ${PASS_LENGTH} 位`}
                  </Text>
                </View>
                <Button
                  className='cx-btn cx-btn--block cx-verify__submit'
                  data-testid='verify-submit'
                  disabled={pending ? true : undefined}
                  onClick={() => void submit(input)}
                >
                  {pending ? '核验中…' : '核验'}
                </Button>
              </View>
            </View>
          )}
          <Text role='button' className='cx-verify__history' data-testid='verify-history' onClick={() => void Taro.navigateTo({ url: MERCHANT_PAGES.history })}>
            查看核销记录 ›
          </Text>
        </View>
      )}
    </MerchantShell>
  );
}
