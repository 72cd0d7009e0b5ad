import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import serverless from 'serverless-http';
import { createApp } from './app';
import { buildDeps } from './container';
import { getConfig } from './shared/config/config';
import { loadSecretsFromSsm } from './shared/config/ssm-secrets';

/**
 * The Lambda entry point: it only wraps the Express app. Secrets and configuration are loaded
 * once per cold start; a failed start is not cached, so the next invocation retries it.
 */
let ready: Promise<serverless.Handler> | undefined;

async function init(): Promise<serverless.Handler> {
  await loadSecretsFromSsm();
  const deps = await buildDeps(getConfig());
  return serverless(createApp(deps), {
    request: (req: { lambdaRequestId?: string; lambdaSourceIp?: string }, event: APIGatewayProxyEventV2, context: Context) => {
      req.lambdaRequestId = context.awsRequestId;
      // API Gateway's view of the client address: what rate limits by IP key on.
      req.lambdaSourceIp = event.requestContext?.http?.sourceIp;
    },
  });
}

export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> {
  ready ??= init();
  let wrapped: serverless.Handler;
  try {
    wrapped = await ready;
  } catch (e) {
    ready = undefined;
    throw e;
  }
  return (await wrapped(event, context)) as APIGatewayProxyResultV2;
}
