/** Writing to stdout with backpressure, and stopping quietly when the reader goes away (`| head`). */

/** A writer that batches small strings and waits for `drain` when the stream asks it to. */
export interface StreamWriter {
  /** Queues `text`; resolves once the stream can take more. */
  write(text: string): Promise<void>;
  /** Flushes what is batched. */
  end(): Promise<void>;
  /** True once the reader has gone away (EPIPE, or the stream closed). */
  readonly closed: boolean;
}

const BATCH = 16 * 1024;

/**
 * Output that could not be written (a full disk, an I/O error …): `aws-event-kit` prints
 * `aws-event-kit <command>: cannot write …` on one line and exits 1, never a stack trace.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  /** The system error code, e.g. `ENOSPC`, when there is one. */
  readonly code: string | undefined;

  constructor(stream: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(`cannot write to ${stream}: ${describeWriteError(cause)}`, { cause });
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** `ENOSPC (no space left on device)` from a system error, else its message. */
export function describeWriteError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // System errors read "ENOSPC: no space left on device, write": keep the code and the reason.
  const reason = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1];
  if (typeof code === 'string') return reason !== undefined ? `${code} (${reason})` : code;
  return message.replace(/\s*\n\s*/g, ' ');
}

function isBrokenPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * Wraps `stream`. A broken pipe marks the writer closed (callers stop producing); other
 * stream errors are thrown from the next `write` as an {@link OutputError}.
 */
export function createStreamWriter(stream: NodeJS.WritableStream): StreamWriter {
  let buffer = '';
  let closed = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const onError = (error: unknown) => {
    if (isBrokenPipe(error)) closed = true;
    else failure = error;
    wake?.();
  };
  const onClose = () => {
    closed = true;
    wake?.();
  };
  stream.on('error', onError);
  stream.on('close', onClose);

  const flush = async (): Promise<void> => {
    if (buffer.length === 0 || closed) return;
    const chunk = buffer;
    buffer = '';
    let ok: boolean;
    try {
      ok = stream.write(chunk);
    } catch (error) {
      onError(error);
      ok = true;
    }
    if (failure !== undefined) throw new OutputError('stdout', failure);
    if (!ok && !closed) {
      // Backpressure: wait for the reader before producing more, so memory stays flat.
      await new Promise<void>((resolve) => {
        wake = resolve;
        stream.once('drain', resolve);
      });
      stream.removeListener('drain', wake as () => void);
      wake = undefined;
      if (failure !== undefined) throw new OutputError('stdout', failure);
    }
  };

  return {
    get closed() {
      return closed;
    },
    async write(text) {
      buffer += text;
      if (buffer.length >= BATCH) await flush();
    },
    async end() {
      await flush();
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
    },
  };
}
