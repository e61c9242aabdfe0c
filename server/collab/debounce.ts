/**
 * Runs a task once triggers have been quiet for `waitMs`, and at the latest `maxWaitMs` after the
 * first trigger since the last run (so a steady stream of triggers still runs it now and then).
 */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstTrigger: number | undefined;

  constructor(
    private readonly task: () => void,
    private readonly waitMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** True when a run is scheduled. */
  get pending(): boolean {
    return this.firstTrigger !== undefined;
  }

  /** Schedules (or pushes back, within the maximum wait) a run, `waitMs` from now unless told otherwise. */
  trigger(waitMs = this.waitMs): void {
    const now = Date.now();
    this.firstTrigger ??= now;
    const wait = Math.min(waitMs, this.firstTrigger + this.maxWaitMs - now);
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.cancel();
        this.task();
      },
      Math.max(0, wait),
    );
  }

  /** Drops the scheduled run, if any. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstTrigger = undefined;
  }
}
