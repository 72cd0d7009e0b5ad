import { useMemo, useRef, useState } from 'react';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import { createInvitation, type InvitationCreated, type StaffRole } from '../../../services/orgs-api';
import { chinaDateTime } from '../../../services/time';
import { problemText } from '../../admin/shared/errors';
import { SwitchRow } from '../../admin/shared/fields';
import { qrDataUrl } from '../../resident/incentive/qr';
import { STAFF_ROLE_LABELS } from '../shared/labels';
import { copyToClipboard } from '../../../services/clipboard';
import { imageAlt, labelled } from '../../../components/field-label';
import '../../../components/confirm-dialog/index.scss';

export function inviteeNameError(name: string): string | null {
  const n = Array.from(name.trim()).length;
  return n >= 2 && n <= 30 ? null : '请输入对方的姓名（2–30 个字）';
}

/** Copies the code; a refusal (no permission, H5 without clipboard access) is said, never swallowed. */
export async function copyCode(code: string): Promise<void> {
  await copyToClipboard(code, '复制失败，请长按邀请码手动复制');
}

function CodeCard({ created, name, orgName }: { created: InvitationCreated; name: string; orgName: string }) {
  const qr = useMemo(() => qrDataUrl(created.code), [created.code]);
  return (
    <View className='cx-invite__result' data-testid='invite-result'>
      <Text className='cx-invite__lead'>
        请将邀请码或二维码交给{name}，对方在「我的 → 加入机构」中输入或扫码，即可加入{orgName}。
      </Text>
      <Text className='cx-invite__code' userSelect selectable data-testid='invite-code'>
        {created.code}
      </Text>
      <View className='cx-invite__qr-frame'>
        <Image className='cx-invite__qr' src={qr} mode='scaleToFill' showMenuByLongpress data-testid='invite-qr' {...imageAlt('邀请码二维码')} />
      </View>
      <Text className='cx-invite__expiry' data-testid='invite-expiry'>
        有效期至 {chinaDateTime(created.expiresAt)}（72 小时内有效，只能使用一次）
      </Text>
      <Text className='cx-invite__warn'>邀请码只显示这一次，关闭后无法再查看；如遗失，请撤销后重新邀请。</Text>
    </View>
  );
}

interface InviteSheetProps {
  orgId: string;
  orgName: string;
  role: StaffRole;
  /** `created` when a code was issued (the invitations list then loads again). */
  onClose: (created: boolean) => void;
}

/** 邀请员工: name and 管理员, the role fixed by the organisation's type; then the one-time code as text and QR. */
export default function InviteSheet({ orgId, orgName, role, onClose }: InviteSheetProps) {
  const [name, setName] = useState('');
  const [manager, setManager] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const running = useRef(false);

  const submit = async () => {
    if (running.current) return;
    const problem = inviteeNameError(name);
    setNameError(problem);
    if (problem) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      setCreated(await createInvitation(orgId, { role, name: name.trim(), manager }, { silent: true }));
    } catch (e) {
      setError(problemText(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <View className='cx-sheet' data-testid='invite-sheet' role='dialog' aria-label='邀请员工' catchMove>
      <View className='cx-sheet__panel cx-invite'>
        <Text className='cx-sheet__title'>{created ? '邀请码已生成' : '邀请员工'}</Text>
        {created ? (
          <View>
            <CodeCard created={created} name={name.trim()} orgName={orgName} />
            <View className='cx-sheet__actions'>
              <Button className='cx-btn cx-btn--secondary cx-sheet__btn' data-testid='invite-copy' onClick={() => void copyCode(created.code)}>
                复制邀请码
              </Button>
              <Button className='cx-btn cx-sheet__btn' data-testid='invite-done' onClick={() => onClose(true)}>
                完成
              </Button>
            </View>
          </View>
        ) : (
          <View>
            <View className='cx-invite__role'>
              <Text className='cx-invite__role-label'>身份</Text>
              <Text className='cx-invite__role-value' data-testid='invite-role'>
                {STAFF_ROLE_LABELS[role]}
              </Text>
            </View>
            <Text className='cx-invite__note'>身份由机构类型决定；对方加入后即可代表{orgName}办理业务。</Text>
            <View className='cx-sheet__field'>
              <Text className='cx-sheet__label'>姓名</Text>
              <View className={`cx-sheet__box${nameError ? ' cx-sheet__box--error' : ''}`}>
                <Input
                  className='cx-sheet__input'
                  data-testid='invite-name'
                  {...labelled('姓名')}
                  value={name}
                  maxlength={30}
                  placeholder='被邀请人的真实姓名'
                  onInput={(e) => {
                    setName(e.detail.value);
                    setNameError(null);
                  }}
                />
              </View>
              {nameError && (
                <Text className='cx-sheet__error' data-testid='invite-name-error'>
                  {nameError}
                </Text>
              )}
            </View>
            <View className='cx-invite__switch'>
              <SwitchRow label='设为管理员' description='管理员可以邀请和移除本单位的工作人员' checked={manager} onChange={setManager} testId='invite-manager' />
            </View>
            {error && (
              <Text className='cx-sheet__error' data-testid='invite-error'>
                {error}
              </Text>
            )}
            <View className='cx-sheet__actions'>
              <Button className='cx-btn cx-btn--secondary cx-sheet__btn' data-testid='invite-cancel' onClick={() => onClose(false)}>
                取消
              </Button>
              <Button className='cx-btn cx-sheet__btn' data-testid='invite-submit' disabled={busy ? true : undefined} onClick={submit}>
                {busy ? '生成中…' : '生成邀请码'}
              </Button>
            </View>
          </View>
        )}
      </View>
    </View>
  );
}
