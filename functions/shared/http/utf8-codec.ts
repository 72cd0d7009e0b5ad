import { StringDecoder } from 'node:string_decoder';

/**
 * The part of iconv-lite that body-parser and raw-body use, for UTF-8 only. The API accepts UTF-8
 * JSON alone (`rejectNonUtf8` answers 415 for any other charset before a body is read), so the
 * Lambda bundle aliases `iconv-lite` to this file (serverless.yml, esbuild `alias`) and leaves out
 * its ≈ 480 KB of code tables, which were a fifth of the bundle and of its parse time at cold start.
 * Behaviour kept from iconv-lite: a leading byte-order mark is stripped; an unknown encoding throws
 * "Encoding not recognized: …", the message raw-body turns into 415 `encoding.unsupported`.
 */
const UTF8 = new Set(['utf8', 'utf-8', 'unicode-1-1-utf-8']);
const BOM = '\ufeff';

const normalise = (encoding: string) => String(encoding).toLowerCase().trim();

export function encodingExists(encoding: string): boolean {
  return UTF8.has(normalise(encoding));
}

function assertKnown(encoding: string): void {
  if (!encodingExists(encoding)) throw new Error(`Encoding not recognized: '${encoding}' (searched as: '${normalise(encoding)}')`);
}

/** A streaming decoder (write/end), as raw-body uses it: multi-byte characters may span chunks. */
export function getDecoder(encoding: string): { write(chunk: Buffer): string; end(): string | undefined } {
  assertKnown(encoding);
  const decoder = new StringDecoder('utf8');
  let first = true;
  return {
    write(chunk: Buffer) {
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.startsWith(BOM)) text = text.slice(1);
      }
      return text;
    },
    end() {
      const rest = decoder.end();
      return rest.length > 0 ? rest : undefined;
    },
  };
}

export function decode(buffer: Buffer, encoding: string): string {
  assertKnown(encoding);
  const text = buffer.toString('utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}
