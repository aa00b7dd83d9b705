/** Types of CloudWatch Logs subscription events and of their parts. */

/** The event a Lambda subscription receives: base64 of the gzipped JSON payload. */
export interface CloudWatchLogsEvent {
  awslogs: {
    /** base64(gzip(UTF-8 JSON of a {@link CloudWatchLogsDecodedData})). */
    data: string;
  };
}

/** One log event of a delivery. */
export interface CloudWatchLogsLogEvent {
  /** 56-digit decimal: `BigInt(id) >> 144n === BigInt(timestamp)`; `""` in a control message. */
  id: string;
  /** Epoch milliseconds. */
  timestamp: number;
  message: string;
}

/** `policyLevel`: present when an account-level subscription filter policy delivered the batch. */
export type CloudWatchLogsPolicyLevel = 'ACCOUNT_LEVEL_POLICY';

/** The decoded payload of a delivery of log events (`DATA_MESSAGE`). */
export interface CloudWatchLogsDataMessage {
  messageType: 'DATA_MESSAGE';
  /** The log group's 12-digit account. */
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  /** Non-empty, sorted by timestamp. */
  logEvents: CloudWatchLogsLogEvent[];
  policyLevel?: CloudWatchLogsPolicyLevel;
}

/** The decoded payload of the health check CloudWatch Logs sends to Kinesis and Firehose destinations. */
export interface CloudWatchLogsControlMessage {
  messageType: 'CONTROL_MESSAGE';
  owner: 'CloudwatchLogs';
  logGroup: '';
  logStream: '';
  subscriptionFilters: [];
  logEvents: [CloudWatchLogsLogEvent];
}

/** What `awslogs.data` decodes to. */
export type CloudWatchLogsDecodedData = CloudWatchLogsDataMessage | CloudWatchLogsControlMessage;

/** One log line before ids are assigned. */
export interface CloudWatchLogsLogEventParts {
  /** Epoch milliseconds (an integer). */
  timestamp: number;
  /** A non-empty string. */
  message: string;
}

/** Everything a `DATA_MESSAGE` is made of. */
export interface CloudWatchLogsDataParts {
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: readonly string[];
  /** 1 to 10,000 events, sorted by timestamp. */
  logEvents: readonly CloudWatchLogsLogEventParts[];
  /** When CloudWatch Logs ingested the batch (epoch ms); ids carry it in bits 80–143. */
  ingestionTime: number;
  /** A 64-bit value shared by the batch's ids (bits 16–79). */
  batchToken: bigint;
  policyLevel?: CloudWatchLogsPolicyLevel | undefined;
}
