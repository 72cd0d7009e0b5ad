import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { imageAlt } from '../../../components/field-label';
import type { IncentiveView } from '../../../services/api';
import { copyToClipboard } from '../../../services/clipboard';
import { chinaDateTime } from '../../../services/time';
import { qrDataUrl } from './qr';
import { REFRESH_LEAD_SECONDS, usePass } from './use-pass';

interface PassViewProps {
  item: IncentiveView;
  /** False while the page is hidden: the countdown, refresh and polling stop. */
  running: boolean;
  /** Leave the pass (关闭 / 完成); `used` tells the page to reload the resident's standing. */
  onClose: (used: boolean) => void;
}

const groupsOf4 = (text: string) => text.match(/.{1,4}/g) ?? [];

function QrCode({ pass }: { pass: string }) {
  const src = useMemo(() => qrDataUrl(pass), [pass]);
  return (
    <View className='cx-pass__qr-frame'>
      {/* The box is square like the code: scaleToFill draws it edge to edge on both platforms. */}
      <Image className='cx-pass__qr' src={src} mode='scaleToFill' showMenuByLongpress data-testid='pass-qr' {...imageAlt('信用凭证二维码')} />
    </View>
  );
}

/**
 * 出示凭证: the pass as a QR code with its text below, a countdown to the automatic refresh,
 * and 「已核验」 as soon as the merchant has redeemed it.
 */
export default function PassView({ item, running, onClose }: PassViewProps) {
  const { state, refresh } = usePass(item.id, running);

  // A mini-program screen that dims while the merchant is scanning is a failed scan.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, []);

  if (state.phase === 'verified') {
    return (
      <View className='cx-card cx-pass cx-pass--verified' data-testid='pass-verified'>
        <View className='cx-pass__check'>
          <Text>✓</Text>
        </View>
        <Text className='cx-pass__verified-title'>已核验</Text>
        <Text className='cx-pass__verified-benefit'>{item.benefit}</Text>
        <View className='cx-pass__rows'>
          <View className='cx-pass__row'>
            <Text className='cx-pass__label'>核验商户</Text>
            <Text className='cx-pass__value' data-testid='pass-verified-merchant'>
              {state.merchantName ?? item.merchants.map((m) => m.name).join('、')}
            </Text>
          </View>
          <View className='cx-pass__row'>
            <Text className='cx-pass__label'>核验时间</Text>
            <Text className='cx-pass__value' data-testid='pass-verified-at'>
              {chinaDateTime(state.redeemedAt)}
            </Text>
          </View>
        </View>
        <Button className='cx-btn cx-btn--block cx-pass__done' data-testid='pass-done' onClick={() => onClose(true)}>
          完成
        </Button>
      </View>
    );
  }

  if (state.phase === 'refused') {
    return (
      <View className='cx-card cx-pass cx-pass--problem' data-testid='pass-refused'>
        <Text className='cx-pass__problem-title'>{state.title ?? '暂不能出示凭证'}</Text>
        {state.reasons.length > 0 ? (
          state.reasons.map((r) => (
            <Text key={r} className='cx-pass__problem-reason' data-testid='pass-refused-reason'>
              {r}
            </Text>
          ))
        ) : (
          <Text className='cx-pass__problem-reason'>{state.message}</Text>
        )}
        <Button className='cx-btn cx-btn--secondary cx-btn--block cx-pass__done' onClick={() => onClose(true)}>
          返回
        </Button>
      </View>
    );
  }

  if (state.phase === 'failed') {
    return (
      <View className='cx-card cx-pass cx-pass--problem' data-testid='pass-failed'>
        <Text className='cx-pass__problem-title'>凭证未能生成</Text>
        <Text className='cx-pass__problem-reason'>{state.message}</Text>
        <Button className='cx-btn cx-btn--block cx-pass__done' data-testid='pass-retry' onClick={refresh}>
          重试
        </Button>
        <Button className='cx-btn cx-btn--secondary cx-btn--block cx-pass__close' onClick={() => onClose(false)}>
          返回
        </Button>
      </View>
    );
  }

  if (state.phase === 'issuing') {
    return (
      <View className='cx-card cx-pass' data-testid='pass-issuing'>
        <Text className='cx-pass__title'>{item.title}</Text>
        <View className='cx-pass__qr-frame cx-pass__qr-frame--empty'>
          <Text className='cx-text-secondary'>正在生成凭证…</Text>
        </View>
      </View>
    );
  }

  const { pass, secondsLeft, refreshing } = state;
  const refreshIn = Math.max(0, secondsLeft - REFRESH_LEAD_SECONDS);
  const span = Math.max(1, pass.ttlSeconds - REFRESH_LEAD_SECONDS);
  const percent = Math.min(100, Math.round((refreshIn / span) * 100));

  return (
    <View data-testid='pass-view'>
      <View className='cx-card cx-pass'>
        <Text className='cx-pass__title'>{item.title}</Text>
        <Text className='cx-pass__benefit'>{item.benefit}</Text>
        <Text className='cx-pass__hint'>请将二维码出示给工作人员扫描核验</Text>
        <QrCode pass={pass.pass} />
        {/* In groups of four to read out or type; the groups are separate texts, so a selection copies no spaces. */}
        <View className='cx-pass__code' data-testid='pass-text' data-pass={pass.pass}>
          {groupsOf4(pass.pass).map((g, i) => (
            <Text key={i} className='cx-pass__group' userSelect>
              {g}
            </Text>
          ))}
        </View>
        <View className='cx-pass__bar' role='progressbar' aria-label='凭证刷新倒计时' aria-valuemin={0} aria-valuemax={span} aria-valuenow={refreshIn}>
          <View className='cx-pass__bar-fill' style={{ width: `${percent}%` }} />
        </View>
        <View className='cx-pass__timer'>
          <Text className='cx-pass__countdown' data-testid='pass-countdown'>
            {refreshing ? '正在刷新…' : `${refreshIn} 秒后自动刷新`}
          </Text>
          <Text role='button' aria-disabled={refreshing} className='cx-pass__link' data-testid='pass-refresh' onClick={refreshing ? undefined : refresh}>
            立即刷新
          </Text>
        </View>
        <View className='cx-pass__actions'>
          <Button
            className='cx-btn cx-btn--secondary cx-pass__copy'
            data-testid='pass-copy'
            onClick={() => void copyToClipboard(pass.pass, '复制失败，请把凭证码读给工作人员')}
          >
            复制凭证码
          </Button>
        </View>
        <Text className='cx-pass__note'>凭证仅限本人当次使用，到时自动刷新，截图无效；无法扫码时可由工作人员输入凭证码核验。</Text>
      </View>
      <Button className='cx-btn cx-btn--secondary cx-btn--block' data-testid='pass-close' onClick={() => onClose(false)}>
        关闭凭证
      </Button>
    </View>
  );
}
