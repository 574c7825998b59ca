/**
 * Waits `ms`, or less when `signal` aborts: resolves either way (unlike
 * timers/promises, which rejects), so boot-wait loops simply re-check their state.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
