/**
 * `npm run bootstrap`: prepares an empty table for a real stage, with the API's own configuration
 * (STAGE, TABLE_NAME, AWS_REGION, secrets or their SSM parameter names, DYNAMODB_ENDPOINT for
 * DynamoDB Local). Idempotent: a second run changes nothing and says so.
 *   --new-admin-invitation   issue another administrator invitation (e.g. the first one expired)
 * The administrator invitation is printed once, as the line `ADMIN_INVITATION=<code>`.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const { loadSecretsFromSsm } = await import('../shared/config/ssm-secrets');
  const { parseConfig, ConfigError } = await import('../shared/config/config');
  const { connectDatabase } = await import('../shared/db/dynamo');
  const { ensureTable } = await import('../shared/db/ensure-table');
  const { buildDeps } = await import('../container');
  const { bootstrapStage } = await import('../seed/bootstrap');

  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--new-admin-invitation');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run bootstrap [-- --new-admin-invitation]`);
    return 2;
  }
  let config;
  try {
    await loadSecretsFromSsm();
    config = parseConfig(process.env);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : e);
    return 2;
  }
  const db = connectDatabase(config);
  try {
    if (config.dynamodbEndpoint) {
      const table = await ensureTable(db.client, config.tableName, config.stage, true);
      console.log(`Table ${config.tableName} at ${config.dynamodbEndpoint}: ${table}.`);
    }
    const deps = await buildDeps(config);
    const report = await bootstrapStage(deps, {
      invitationPepper: config.idHashPepper,
      ...(process.env.CENTRE_NAME ? { centreName: process.env.CENTRE_NAME } : {}),
      ...(process.env.CENTRE_USCC ? { centreUscc: process.env.CENTRE_USCC } : {}),
      adminInvitation: args.includes('--new-admin-invitation') ? 'new' : 'when-needed',
    });
    console.log(`Stage ${config.stage}, table ${config.tableName}:`);
    if (report.created.length === 0) console.log(`  nothing to do: everything was already in place (${report.kept} items checked, none changed).`);
    else console.log(`  created ${report.created.length}: ${summarise(report.created)}; ${report.kept} already in place.`);
    if (report.hasAdministrator) console.log('  the credit centre has an administrator.');
    if (report.openAdminInvitation) {
      console.log(`  an administrator invitation issued earlier is still open until ${report.openAdminInvitation.expiresAt}; run with --new-admin-invitation for another.`);
    }
    if (report.adminInvitation) {
      console.log(`  administrator invitation (one-time, valid until ${report.adminInvitation.expiresAt}):`);
      console.log(`ADMIN_INVITATION=${report.adminInvitation.code}`);
    }
    return 0;
  } finally {
    db.client.destroy();
  }
}

function summarise(items: string[]): string {
  const measures = items.filter((i) => i.startsWith('measure ')).length;
  const departments = items.filter((i) => i.startsWith('department ')).length;
  const rest = items.filter((i) => !i.startsWith('measure ') && !i.startsWith('department '));
  return [...rest, ...(measures ? [`${measures} measures`] : []), ...(departments ? [`${departments} departments`] : [])].join(', ');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('Bootstrap failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
