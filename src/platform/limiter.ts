/**
 * A ceiling on expensive work in this process: at most `concurrency` tasks run at once and at most
 * `queue` wait for a turn; anyone beyond that is refused at once rather than left waiting.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(options: {
  concurrency: number;
  queue: number;
  whenFull: () => Error;
}): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      if (running < options.concurrency) running++;
      else if (waiting.length < options.queue) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw options.whenFull();
      try {
        return await task();
      } finally {
        // The turn passes straight to the next waiter, so a newcomer cannot slip in between.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
