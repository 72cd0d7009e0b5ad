import Taro from '@tarojs/taro';
import { HOME_PAGE } from '../../services/session';
import type { PageShellProps } from '.';

/** PageShell's empty state for a signed-in user of another role: 无权访问, why, and 返回首页. */
export function deniedState(description: string): Pick<PageShellProps, 'emptyTitle' | 'emptyDescription' | 'emptyAction'> {
  return {
    emptyTitle: '无权访问',
    emptyDescription: description,
    emptyAction: { text: '返回首页', onClick: () => void Taro.switchTab({ url: HOME_PAGE }) },
  };
}

/** The description for pages named `name` (「当前账号不能使用信贷审批…」). */
export const cannotUse = (name: string) => `当前账号不能使用${name}，请切换账号后再试。`;
