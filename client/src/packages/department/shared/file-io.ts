/**
 * Files in and out of the workbench, the only platform-specific code of the subpackage:
 * - H5 picks a file with a hidden `<input type=file>` and reads its bytes (UTF-8, or the GBK that
 *   Excel on a Chinese Windows writes), and downloads a template as a Blob through a link;
 * - the mini program picks a file a chat received (`chooseMessageFile`), reads it with the file
 *   system manager, and saves a template to its user folder, then offers to send it to a chat.
 * Every failure is thrown as a FileError with a Chinese message; cancelling is not a failure.
 */
import Taro from '@tarojs/taro';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = ['csv', 'jsonl', 'ndjson', 'json', 'txt'];

export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

export interface PickedFile {
  name: string;
  size: number;
  text: string;
  /** The file was not UTF-8 and was read as GB18030 (GBK). */
  legacyEncoding?: boolean;
}

const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? ''));
const tooLarge = (size: number) => new FileError(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB），每个文件不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后上传`);
const NOT_UTF8 = '文件不是 UTF-8 编码，请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后重试';

/** UTF-8, or GB18030 when the bytes are not valid UTF-8. */
export function decodeText(bytes: ArrayBuffer): { text: string; legacyEncoding: boolean } {
  if (typeof TextDecoder === 'undefined') throw new FileError('当前浏览器无法读取文件，请换用电脑上的 Chrome 或 Edge 浏览器');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), legacyEncoding: false };
  } catch {
    try {
      return { text: new TextDecoder('gb18030').decode(bytes), legacyEncoding: true };
    } catch {
      throw new FileError(NOT_UTF8);
    }
  }
}

function readAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(new FileError('文件读取失败，请重新选择'));
    reader.readAsArrayBuffer(file);
  });
}

/** Reads a file the browser handed over. */
export async function readBrowserFile(file: File): Promise<PickedFile> {
  if (file.size > MAX_FILE_BYTES) throw tooLarge(file.size);
  const { text, legacyEncoding } = decodeText(await readAsArrayBuffer(file));
  return { name: file.name, size: file.size, text, legacyEncoding };
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) {
        resolve(null);
        return;
      }
      readBrowserFile(file).then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

function readInMiniProgram(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: (e) => reject(new FileError(`文件读取失败：${e.errMsg}`)),
    });
  });
}

async function pickInMiniProgram(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPT });
  } catch (e) {
    if (isCancel(e)) return null;
    throw new FileError('无法打开聊天文件，请确认已在微信中收到该文件');
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) throw tooLarge(file.size);
  const text = await readInMiniProgram(file.path);
  // The mini program decodes UTF-8 only: a GBK file comes back full of replacement characters.
  if (text.includes('\uFFFD')) throw new FileError(NOT_UTF8);
  return { name: file.name, size: file.size, text };
}

/**
 * Asks the clerk for a CSV or JSONL file; null when they cancel. (The platform test is written out
 * at each use, not in a helper, so each build drops the other platform's code.)
 */
export const pickRecordsFile = (): Promise<PickedFile | null> => (process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInMiniProgram());

export type SaveOutcome = 'downloaded' | 'shared' | 'cancelled';

function downloadInBrowser(name: string, mime: string, text: string): SaveOutcome {
  let url: string;
  try {
    url = URL.createObjectURL(new Blob([text], { type: mime }));
  } catch {
    throw new FileError('浏览器不支持下载文件，请换用电脑上的 Chrome 或 Edge 浏览器');
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}

async function shareInMiniProgram(name: string, text: string): Promise<SaveOutcome> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (e) => reject(new FileError(`模板保存失败：${e.errMsg}`)),
    });
  });
  try {
    await Taro.shareFileMessage({ filePath, fileName: name });
    return 'shared';
  } catch (e) {
    if (isCancel(e)) return 'cancelled';
    throw new FileError('模板已保存，但无法发送到聊天，请改用「复制内容」');
  }
}

/** H5: downloads the file; mini program: saves it and offers to send it to a chat (文件传输助手). */
export const saveTextFile = (name: string, mime: string, text: string): Promise<SaveOutcome> =>
  process.env.TARO_ENV === 'h5' ? Promise.resolve().then(() => downloadInBrowser(name, mime, text)) : shareInMiniProgram(name, text);

/** Copies text to the clipboard (the mini program's fallback for a template). */
export async function copyText(text: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
  } catch {
    throw new FileError('复制失败，请稍后重试');
  }
}
