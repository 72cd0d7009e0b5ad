import Taro from '@tarojs/taro';

function toast(title: string): void {
  Promise.resolve(Taro.showToast({ title, icon: 'none', duration: 2500 })).catch(() => undefined);
}

/**
 * Copies text (a pass code, an invitation code, a signed report). A refusal — the user declined
 * the privacy agreement, no clipboard permission, H5 without clipboard access — is told to the
 * user with `failure`, never swallowed. Resolves whether the text is on the clipboard.
 */
export async function copyToClipboard(text: string, failure = '复制失败，请长按内容手动复制'): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    toast(failure);
    return false;
  }
}

/** What the clipboard holds, or null (with a toast saying so) when it cannot be read. */
export async function readClipboard(failure = '无法读取剪贴板，请长按输入框粘贴'): Promise<string | null> {
  try {
    const { data } = await Taro.getClipboardData();
    return data;
  } catch {
    toast(failure);
    return null;
  }
}
