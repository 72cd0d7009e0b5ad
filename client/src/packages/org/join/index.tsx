import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { accountChanged } from '../../../services/account';
import { setActingRole } from '../../../services/acting-role';
import type { Role } from '../../../services/api';
import { acceptInvitation } from '../../../services/orgs-api';
import { AREA_PAGES, ROLE_LABELS } from '../../../services/roles';
import { HOME_PAGE, saveToken } from '../../../services/session';
import { CODE_MAX, JOIN_ERROR_CODES, joinedRole, joinErrorMessage, normaliseCode } from './code';
import { labelled } from '../../../components/field-label';
import '../shared/org.scss';

/** Where a new member starts: their role's area, or 首页 for a role without one. */
function areaOf(role: Role | null): string {
  const pages: Partial<Record<Role, string>> = AREA_PAGES;
  return (role && pages[role]) || HOME_PAGE;
}

/** The camera was closed without a code: not an error worth a word. */
const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e));

/** 加入机构: type (or scan, in the mini program) the code a manager gave; the new token replaces the old. */
export default function JoinPage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const canScan = process.env.TARO_ENV === 'weapp';

  const edit = (value: string) => {
    setCode(normaliseCode(value));
    setError(null);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const scanned = normaliseCode(res.result ?? '');
      if (!scanned) {
        setError('二维码中没有邀请码，请改为手动输入。');
        return;
      }
      edit(scanned);
    } catch (e) {
      if (!cancelled(e)) Taro.showToast({ title: '扫码失败，请手动输入邀请码', icon: 'none' }).catch(() => undefined);
    }
  };

  const join = async () => {
    if (running.current) return;
    if (!code) {
      setError('请输入邀请码');
      return;
    }
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await acceptInvitation(code, { quietCodes: JOIN_ERROR_CODES });
      saveToken(res.token);
      const role = joinedRole(res.user.roles);
      // The person joined to act for the organisation: start them in that role.
      if (role) setActingRole(res.user.id, role);
      accountChanged();
      Taro.showToast({ title: role ? `已加入，身份：${ROLE_LABELS[role]}` : '已加入', icon: 'none' }).catch(() => undefined);
      void Taro.reLaunch({ url: areaOf(role) });
    } catch (e) {
      setError(joinErrorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <PageShell className='cx-join'>
      <View className='cx-card cx-join__intro'>
        <Text className='cx-join__title'>凭邀请码加入单位</Text>
        <Text className='cx-join__text'>
          商户、银行、部门的工作人员，请向本单位管理员索取邀请码（{canScan ? '或扫描邀请二维码' : '由数字和大写字母组成'}）。加入后即可代表本单位办理业务，您原有的居民身份不受影响。
        </Text>
      </View>

      <View className='cx-card'>
        <Text className='cx-join__label'>邀请码</Text>
        <View className={`cx-join__box${error ? ' cx-join__box--error' : ''}`}>
          <Input
            className='cx-join__input'
            data-testid='join-code'
            {...labelled('邀请码')}
            value={code}
            maxlength={CODE_MAX + 4}
            placeholder='请输入邀请码'
            confirmType='done'
            onInput={(e) => edit(e.detail.value)}
            onConfirm={() => void join()}
          />
        </View>
        <Text className='cx-join__count'>
          {code.length}/{CODE_MAX} · 字母自动转为大写
        </Text>
        {error && (
          <Text className='cx-join__error' data-testid='join-error'>
            {error}
          </Text>
        )}
        <Button className='cx-btn cx-btn--block cx-join__submit' data-testid='join-submit' disabled={busy ? true : undefined} onClick={join}>
          {busy ? '正在加入…' : '加入'}
        </Button>
        {canScan && (
          <Button className='cx-btn cx-btn--secondary cx-btn--block cx-join__scan' data-testid='join-scan' onClick={scan}>
            扫描邀请二维码
          </Button>
        )}
      </View>
    </PageShell>
  );
}
