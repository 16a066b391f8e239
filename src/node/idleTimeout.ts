/** Ends something kept for reuse (a worker thread) after a time without use; the timer never keeps the process alive. */
export class IdleTimeout {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ms: number,
    private readonly end: () => void,
  ) {}

  start(): void {
    this.stop();
    this.timer = setTimeout(this.end, this.ms);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
