import { TextDecoder as NodeTextDecoder, TextEncoder } from 'node:util';
import Taro from '@tarojs/taro';
import { copyText, decodeText, FileError, MAX_FILE_BYTES, pickRecordsFile, readBrowserFile, saveTextFile } from '../../client/src/packages/department/shared/file-io';

// The mini-program APIs the stand-in does not have, added for this file only.
const taro = Taro as unknown as Record<string, jest.Mock>;
taro.chooseMessageFile = jest.fn();
taro.getFileSystemManager = jest.fn();
taro.shareFileMessage = jest.fn();
taro.env = Object.assign(jest.fn(), { USER_DATA_PATH: 'wxfile://usr' });

// Browsers have TextDecoder; jsdom does not, so Node's (with its GB18030 tables) stands in.
const globals = globalThis as unknown as { TextDecoder?: unknown };
beforeAll(() => {
  globals.TextDecoder = NodeTextDecoder;
});
afterAll(() => {
  delete globals.TextDecoder;
});

const bytes = (...b: number[]) => new Uint8Array(b).buffer;

describe('reading a file in the browser', () => {
  it('decodes UTF-8, and falls back to GBK for a file Excel saved on Chinese Windows', () => {
    expect(decodeText(new TextEncoder().encode('主体,规则').buffer as ArrayBuffer)).toEqual({ text: '主体,规则', legacyEncoding: false });
    // 「中文」 in GBK.
    expect(decodeText(bytes(0xd6, 0xd0, 0xce, 0xc4))).toEqual({ text: '中文', legacyEncoding: true });
  });

  it('says so when the browser cannot decode text at all', () => {
    delete globals.TextDecoder;
    expect(() => decodeText(bytes(0x61))).toThrow('当前浏览器无法读取文件');
    globals.TextDecoder = NodeTextDecoder;
  });

  it('reads a picked file and refuses one over 10 MB', async () => {
    const picked = await readBrowserFile(new File(['sourceId\r\n'], 'a.csv'));
    expect(picked).toEqual({ name: 'a.csv', size: 10, text: 'sourceId\r\n', legacyEncoding: false });
    const big = new File(['x'], 'big.csv');
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
    await expect(readBrowserFile(big)).rejects.toThrow(new FileError('文件过大（10.0 MB），每个文件不超过 10 MB，请拆分后上传'));
  });
});

describe('picking a file in the browser', () => {
  afterEach(() => jest.restoreAllMocks());

  const openChooser = () => {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    const pending = pickRecordsFile();
    const input = document.body.querySelector('input[type=file]') as HTMLInputElement;
    return { pending, input };
  };

  it('opens a hidden file input for CSV and JSONL files and reads the chosen one', async () => {
    const { pending, input } = openChooser();
    expect(input.accept).toBe('.csv,.jsonl,.ndjson,.json,.txt');
    Object.defineProperty(input, 'files', { value: [new File(['{"a":1}'], 'x.jsonl')] });
    input.dispatchEvent(new Event('change'));
    await expect(pending).resolves.toEqual({ name: 'x.jsonl', size: 7, text: '{"a":1}', legacyEncoding: false });
    expect(document.body.querySelector('input[type=file]')).toBeNull();
  });

  it('gives no file when the chooser is closed', async () => {
    const { pending, input } = openChooser();
    input.dispatchEvent(new Event('cancel'));
    await expect(pending).resolves.toBeNull();
    expect(document.body.querySelector('input[type=file]')).toBeNull();
  });
});

describe('downloading a template in the browser', () => {
  const createObjectURL = jest.fn(() => 'blob:template');
  const revokeObjectURL = jest.fn();
  let clicked: HTMLAnchorElement[] = [];

  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('saves the text as a file through a link', async () => {
    await expect(saveTextFile('模板.csv', 'text/csv;charset=utf-8', '\uFEFFa,b\r\n')).resolves.toBe('downloaded');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('模板.csv');
    expect(clicked[0].href).toBe('blob:template');
    expect(document.body.contains(clicked[0])).toBe(false);
  });

  it('says so when the browser cannot make the file', async () => {
    createObjectURL.mockImplementationOnce(() => {
      throw new Error('no blobs');
    });
    await expect(saveTextFile('模板.csv', 'text/csv', 'a')).rejects.toThrow('浏览器不支持下载文件');
    expect(clicked).toHaveLength(0);
  });
});

describe('files in the mini program', () => {
  const fs = { readFile: jest.fn(), writeFile: jest.fn() };

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    taro.getFileSystemManager.mockReturnValue(fs);
    fs.readFile.mockReset();
    fs.writeFile.mockReset();
  });

  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('picks a file a chat received and reads it as UTF-8', async () => {
    taro.chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/a.csv', name: 'a.csv', size: 12, type: 'file', time: 0 }] });
    fs.readFile.mockImplementationOnce((o: { filePath: string; success: (r: { data: string }) => void }) => o.success({ data: `read ${o.filePath}` }));
    await expect(pickRecordsFile()).resolves.toEqual({ name: 'a.csv', size: 12, text: 'read wxfile://tmp/a.csv' });
    expect(taro.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['csv', 'jsonl', 'ndjson', 'json', 'txt'] });
  });

  it('treats closing the chooser as no file, and a GBK file as a readable failure', async () => {
    taro.chooseMessageFile.mockRejectedValueOnce({ errMsg: 'chooseMessageFile:fail cancel' });
    await expect(pickRecordsFile()).resolves.toBeNull();
    taro.chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'p', name: 'gbk.csv', size: 4, type: 'file', time: 0 }] });
    fs.readFile.mockImplementationOnce((o: { success: (r: { data: string }) => void }) => o.success({ data: '\uFFFD\uFFFD' }));
    await expect(pickRecordsFile()).rejects.toThrow('文件不是 UTF-8 编码');
  });

  it('saves a template and offers it to a chat; cancelling is not a failure', async () => {
    fs.writeFile.mockImplementation((o: { success: () => void }) => o.success());
    taro.shareFileMessage.mockResolvedValueOnce({ errMsg: 'ok' });
    await expect(saveTextFile('模板.csv', 'text/csv', 'a,b')).resolves.toBe('shared');
    expect(fs.writeFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://usr/模板.csv', data: 'a,b', encoding: 'utf8' }));
    expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/模板.csv', fileName: '模板.csv' });
    taro.shareFileMessage.mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail cancel' });
    await expect(saveTextFile('模板.csv', 'text/csv', 'a,b')).resolves.toBe('cancelled');
  });

  it('reports a file that could not be written', async () => {
    fs.writeFile.mockImplementationOnce((o: { fail: (e: { errMsg: string }) => void }) => o.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }));
    await expect(saveTextFile('模板.csv', 'text/csv', 'a,b')).rejects.toThrow('模板保存失败：writeFile:fail the maximum size');
  });

  it('copies a template to the clipboard, or says it could not', async () => {
    await copyText('a,b');
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'a,b' });
    (Taro.setClipboardData as jest.Mock).mockRejectedValueOnce(new Error('fail'));
    await expect(copyText('a,b')).rejects.toThrow('复制失败，请稍后重试');
  });
});
