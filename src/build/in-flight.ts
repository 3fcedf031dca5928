/**
 * Work handed on and not yet done, for a producer that must not run too far ahead of its
 * consumer (pages handed to a worker, a child process's parent, Pagefind): past `limit` items
 * out, `wait` gives a promise, settled for every waiter once the consumer is down to half.
 */
export class InFlight {
  private readonly limit: number;
  private out = 0;
  private gate: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** One more item handed on. */
  started(): void {
    this.out++;
  }

  /** `count` items done. */
  finished(count = 1): void {
    this.out -= count;
    if (this.out <= this.limit / 2) this.open();
  }

  /** Lets every waiter go on, whatever is out (the consumer has ended). */
  open(): void {
    this.gate?.resolve();
    this.gate = null;
  }

  /** Nothing while at most `limit` items are out; else a promise to wait on. */
  wait(): Promise<void> | undefined {
    if (this.out <= this.limit) return undefined;
    if (!this.gate) {
      let resolve!: () => void;
      this.gate = { promise: new Promise<void>((r) => (resolve = r)), resolve };
    }
    return this.gate.promise;
  }
}
