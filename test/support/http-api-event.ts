import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A synthetic API Gateway HTTP API (payload v2) event, as the real integration sends it. */
export function httpApiEvent(method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.com', 'content-type': 'application/json', ...opts.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'apigw-req-1',
      routeKey: '$default',
      stage: '$default',
      time: '27/Nov/2026:01:00:00 +0000',
      timeEpoch: 1795741200000,
    },
    isBase64Encoded: false,
    ...(opts.body !== undefined ? { body: opts.body } : {}),
  };
}
