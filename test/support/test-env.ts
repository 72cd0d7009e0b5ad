// Every integration test file talks to the DynamoDB Local that global-setup started.
process.env.STAGE ??= 'test';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'SILENT';
