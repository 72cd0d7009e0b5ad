/**
 * `npm run import -- <file.csv|file.jsonl> --department <org-id> [--api <url> --token <jwt>] [--fresh]`
 *
 * Bulk import of a department's credit records. Without --api it writes through the same
 * ingestion use case straight into the local database (the DynamoDB Local that `npm start`
 * runs); with --api it posts batches to `POST /api/credit-records` of a deployed API.
 * Re-running after an interruption resumes from the checkpoint and never doubles a record.
 *
 * With --disclosures the file holds 双公示 decisions (a CSV with the national standard's Chinese
 * headers, one kind per file, or JSONL of API items): they go through the same use case as
 * `POST /api/disclosures` (or to it, with --api), idempotent by the decision's 数据编号.
 */
import { parseArgs } from 'node:util';
import { importFile } from '../credit/import/import-file';
import type { IngestResult } from '../credit/ingest-credit-records';
import { disclosureCsvParser } from '../disclosures/disclosure-csv';
import { IMPORT_WINDOW } from './import-window';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'WARN';

function bar(fraction: number, width = 28): string {
  const full = Math.round(fraction * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

async function directSubmitter(department: string, disclosures = false): Promise<(records: unknown[]) => Promise<IngestResult>> {
  const { parseConfig } = await import('../shared/config/config');
  const { buildDeps } = await import('../container');
  const { importCreditRecords } = await import('../credit/import/import-credit-records');
  const config = parseConfig({ STAGE: 'local', DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`, ...process.env });
  const deps = await buildDeps(config);
  const org = await deps.identities.getOrg(department).catch(() => {
    throw new Error(`Cannot reach the database at ${config.dynamodbEndpoint}. Start the stack first with "npm start", or import through a deployed API with --api and --token.`);
  });
  if (!org || org.type !== 'department') throw new Error(`"${department}" is not a department organisation (e.g. org-dept-market).`);
  if (disclosures) {
    const { publishDisclosures } = await import('../disclosures/publish-disclosures');
    return (items) => publishDisclosures({ ...deps, idHashPepper: config.idHashPepper }, department, items);
  }
  return (records) => importCreditRecords({ ...deps, idHashPepper: config.idHashPepper }, department, records);
}

function apiSubmitter(api: string, token: string, disclosures = false): (records: unknown[]) => Promise<IngestResult> {
  return async (records) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(new URL(disclosures ? '/api/disclosures' : '/api/credit-records', api), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(disclosures ? { items: records } : { records }),
      });
      if (res.ok) return (await res.json()) as IngestResult;
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      if (res.status >= 500 && attempt < 5) {
        await new Promise((r) => setTimeout(r, 500 * attempt));
        continue;
      }
      throw new Error(`API answered ${res.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
    }
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      department: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      disclosures: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || (!values.department && !values.api)) {
    console.error('Usage: npm run import -- <file.csv|file.jsonl> --department <org-id> [--disclosures] [--fresh]\n       npm run import -- <file> --api <https://…> --token <department token>');
    process.exit(2);
  }
  const submit = values.api ? apiSubmitter(values.api, values.token ?? '', values.disclosures) : await directSubmitter(values.department as string, values.disclosures);
  const tty = process.stderr.isTTY;
  let lastShown = -1;
  const summary = await importFile({
    file,
    fresh: values.fresh,
    submit,
    // Straight into the database, a window of the file at a time: events in batches, one projection write per subject and window.
    ...(values.api || values.disclosures ? {} : { batchSize: IMPORT_WINDOW, maxBatchSize: IMPORT_WINDOW }),
    ...(values.disclosures ? { csvParser: disclosureCsvParser() } : {}),
    onProgress: (p) => {
      if (values.quiet) return;
      const fraction = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
      const line = `${bar(fraction)} ${(fraction * 100).toFixed(0).padStart(3)}%  ${p.lines.toLocaleString()} lines · accepted ${p.accepted.toLocaleString()} · duplicates ${p.duplicates.toLocaleString()} · rejected ${p.rejected.toLocaleString()}`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (Math.floor(fraction * 10) !== lastShown) {
        lastShown = Math.floor(fraction * 10);
        process.stderr.write(`${line}\n`);
      }
    },
  });
  if (tty && !values.quiet) process.stderr.write('\n');
  console.log(
    `Imported ${file}: ${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected` +
      `${summary.resumedFrom > 0 ? ` (resumed after line ${summary.resumedFrom})` : ''} in ${summary.seconds.toFixed(1)} s.`,
  );
  if (summary.rejected > 0) console.log(`Rejected records and reasons: ${file}.rejects.jsonl`);
  process.exit(0);
}

main().catch((e) => {
  console.error(`\nImport stopped: ${e instanceof Error ? e.message : String(e)}\nRun the same command again to resume; nothing is imported twice.`);
  process.exit(1);
});
