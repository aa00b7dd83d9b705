/** Awaiting an SDK call that must fail: the error it rejected with, or a failure if it resolved. */

/** The error an SDK call rejected with (its `name` is the AWS error code). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error & { name: string; $metadata?: { httpStatusCode?: number } },
  );
}

/** {@link rejection}, reduced to the error's name, message and HTTP status. */
export async function rejectionWithStatus(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined }> {
  const error = await rejection(promise);
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}
