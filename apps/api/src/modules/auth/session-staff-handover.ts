import type { SessionData } from 'express-session';

import { SessionStaff } from '@keydesk/domain';

/**
 * Hands the staff member read with the session (SessionRepository.findLiveWithStaff) to
 * passport's deserializer, so a signed-in request costs one statement instead of two.
 * express-session's store reads the session without the request and then builds the request's
 * session from that data (Store.createSession): the staff member rides on the data under a
 * symbol, which neither the session's copy of the data nor its save ever see, and is kept by
 * request from there.
 */
const STAFF = Symbol('staff read with the session');

interface StaffReading {
  staffId: number | null;
  staff: SessionStaff | null;
}

type DataWithStaff = SessionData & { [STAFF]?: StaffReading };

const byRequest = new WeakMap<object, StaffReading>();

export function withStaff(data: SessionData, reading: StaffReading): SessionData {
  Object.defineProperty(data, STAFF, { value: reading, enumerable: false });
  return data;
}

export function handOverStaff(request: object, data: SessionData): void {
  const reading = (data as DataWithStaff)[STAFF];
  if (reading) byRequest.set(request, reading);
}

/**
 * The staff member behind staff id `id`, as read with this request's session: null when gone or
 * not active; undefined when the session was not read with it (the deserializer then asks).
 */
export function staffHandedOver(request: object, id: number): SessionStaff | null | undefined {
  const reading = byRequest.get(request);
  return reading && reading.staffId === id ? reading.staff : undefined;
}
