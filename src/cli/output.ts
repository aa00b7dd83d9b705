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

function isBrokenPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * Wraps `stream`. A broken pipe marks the writer closed (callers stop producing); other
 * stream errors are rethrown from the next `write`.
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
    if (failure !== undefined) throw failure;
    if (!ok && !closed) {
      // Backpressure: wait for the reader before producing more, so memory stays flat.
      await new Promise<void>((resolve) => {
        wake = resolve;
        stream.once('drain', resolve);
      });
      stream.removeListener('drain', wake as () => void);
      wake = undefined;
      if (failure !== undefined) throw failure;
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
