
/**
 * In AWS the Lambda environment holds only the *names* of SSM SecureString parameters
 * (`JWT_SECRET_PARAM=/cxgc/prod/jwt-secret`), never their values. At cold start we fetch
 * them once and place the values where `parseConfig` expects them.
 */
const PARAM_SUFFIX = '_PARAM';

export async function loadSecretsFromSsm(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const wanted = Object.keys(env)
    .filter((k) => k.endsWith(PARAM_SUFFIX) && env[k] && !env[k.slice(0, -PARAM_SUFFIX.length)])
    .map((k) => ({ target: k.slice(0, -PARAM_SUFFIX.length), name: env[k] as string }));
  if (wanted.length === 0) return;
  // Loaded only when there is something to fetch: the SSM client stays off a local cold start.
  const { GetParametersCommand, SSMClient } = await import('@aws-sdk/client-ssm');
  const client = new SSMClient({});
  const out = await client.send(new GetParametersCommand({ Names: wanted.map((w) => w.name), WithDecryption: true }));
  if (out.InvalidParameters && out.InvalidParameters.length > 0) {
    throw new Error(`SSM parameters not found: ${out.InvalidParameters.join(', ')}`);
  }
  for (const w of wanted) {
    const p = out.Parameters?.find((x) => x.Name === w.name);
    if (p?.Value) env[w.target] = p.Value;
  }
}
