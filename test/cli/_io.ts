/** In-memory CliIO for running commands in-process. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';

/** A writable that collects what is written. */
export function sink(): PassThrough & { text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** Runs `aws-event-kit <args>` in-process and returns the exit code and both outputs. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const io: CliIO = { stdout, stderr, stdin: Readable.from([]), cwd: process.cwd() };
  const code = await runCli(args, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
