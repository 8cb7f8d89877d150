import { Injectable } from '@nestjs/common';

/** The time every rule reads, so tests can move it (session expiry, throttling windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }
}
