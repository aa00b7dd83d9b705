/** The CloudWatch Logs family's CLI kinds: a subscription event (`cloudwatch-logs`) and its control message. */
import { makeCloudWatchLogsEvent } from '../../../fixtures/cloudwatchLogs.js';
import { NO_INPUTS, type KindFamily } from '../inputs.js';
import { ALL_SHARED, arg, defineCliFamily, withOptions } from './_shared.js';

const LOG_LINES = ['START RequestId: 1 Version: $LATEST\n', 'processing order-1001\n', 'END RequestId: 1\n'];

const CLOUDWATCH_LOGS: KindFamily = {
  title: 'CloudWatch Logs',
  inputs: [
    {
      flag: 'log-group',
      value: 'GROUP',
      target: 'logGroup',
      description: 'the log group (default /aws/lambda/my-function)',
    },
    {
      flag: 'log-stream',
      value: 'STREAM',
      target: 'logStream',
      description: 'the log stream (default Lambda style, dated by the first line)',
    },
    {
      flag: 'message',
      value: 'TEXT',
      target: 'logEvents',
      argument: true,
      repeat: true,
      description: 'one log line, verbatim (default three Lambda lines)',
    },
  ],
  shared: ALL_SHARED,
  options: ['logGroup', 'logStream', 'subscriptionFilters', 'policyLevel'],
};
const CLOUDWATCH_LOGS_CONTROL: KindFamily = {
  title: 'CloudWatch Logs control message',
  inputs: [],
  shared: ['time'],
  options: [],
};

/** The CloudWatch Logs family's CLI descriptor. */
export const cloudwatchLogsCliFamily = defineCliFamily({
  name: 'cloudwatch-logs',
  kinds: [
    {
      name: 'cloudwatch-logs',
      description: 'CloudWatch Logs subscription event (gzipped, base64 awslogs.data)',
      family: CLOUDWATCH_LOGS,
      make: (seed, inputs = NO_INPUTS) =>
        makeCloudWatchLogsEvent(arg(inputs, 'logEvents', LOG_LINES), withOptions({}, inputs, seed)),
    },
    {
      name: 'cloudwatch-logs:control',
      description: 'CloudWatch Logs CONTROL_MESSAGE (destination health check)',
      family: CLOUDWATCH_LOGS_CONTROL,
      make: (seed, inputs = NO_INPUTS) =>
        makeCloudWatchLogsEvent([], withOptions({ messageType: 'CONTROL_MESSAGE' }, inputs, seed)),
    },
  ],
});
