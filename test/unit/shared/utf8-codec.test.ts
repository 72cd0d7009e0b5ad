import { decode, encodingExists, getDecoder } from '../../../functions/shared/http/utf8-codec';

describe('the UTF-8-only stand-in for iconv-lite in the Lambda bundle', () => {
  it('knows UTF-8 under its usual names and nothing else', () => {
    for (const name of ['utf8', 'UTF-8', ' utf-8 ']) expect(encodingExists(name)).toBe(true);
    for (const name of ['utf-16le', 'latin1', 'gbk', 'ascii']) expect(encodingExists(name)).toBe(false);
  });

  it('throws the message raw-body turns into 415 for an unknown encoding', () => {
    expect(() => getDecoder('gbk')).toThrow(/^Encoding not recognized: /);
    expect(() => decode(Buffer.from('x'), 'latin1')).toThrow(/^Encoding not recognized: /);
  });

  it('decodes characters split across chunks and strips a leading byte-order mark, like iconv-lite', () => {
    const bytes = Buffer.from('\ufeff{"name":"张三🙂"}', 'utf8');
    const d = getDecoder('utf-8');
    let text = '';
    for (let i = 0; i < bytes.length; i += 3) text += d.write(bytes.subarray(i, i + 3));
    text += d.end() ?? '';
    expect(text).toBe('{"name":"张三🙂"}');
    expect(decode(bytes, 'utf8')).toBe('{"name":"张三🙂"}');
    expect(decode(Buffer.from('a\ufeffb'), 'utf8')).toBe('a\ufeffb');
  });
});
