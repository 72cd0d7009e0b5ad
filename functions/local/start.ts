// Quiet the AWS SDK's Node-version notice before the SDK loads, then start the local stack.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('./start-stack');
