import { captureAppLogs } from './privacy-run';

// Every integration test file talks to the DynamoDB Local that global-setup started. The app logs
// at INFO as in production; its JSON lines go to the privacy-run directory (not the terminal),
// where the privacy sweep reads them after the whole run.
process.env.STAGE ??= 'test';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'INFO';
captureAppLogs();
