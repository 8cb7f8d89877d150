import { Clock } from '../../apps/api/src/common/time/clock';

/** A clock the test moves by hand: session timeouts and throttling windows without waiting. */
export class FakeClock extends Clock {
  private current = Date.now();

  override now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
