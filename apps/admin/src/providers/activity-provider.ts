import type {
  ActivityAnomaly,
  ActivityReviewRequest,
  ActivityReviewResponse,
  ActivityStaffOption,
  ActivityVerifyResponse,
  PasswordActionStatsRow,
} from '@keydesk/domain';

import { browserTimeZone } from '../activity/activity-period';
import { API_URL, httpClient } from './http-client';

/** A period as the api takes it: ISO instants, `to` excluded. */
export interface ActivityPeriod {
  from: string;
  to: string;
}

/** The supervisors' calls on the activity log that are not CRUD. */
export interface ActivityDataProvider {
  /** Marks entries, or a period, as reviewed with a comment. */
  reviewActivity(request: ActivityReviewRequest): Promise<ActivityReviewResponse>;
  /** Walks the whole HMAC chain now: minutes on ten million entries, so only on demand. */
  verifyActivity(): Promise<ActivityVerifyResponse>;
  /** The last walk (the api walks every few hours by itself); null before the first. */
  getLatestActivityVerification(): Promise<ActivityVerifyResponse | null>;
  getPasswordActionStats(period: ActivityPeriod): Promise<PasswordActionStatsRow[]>;
  getActivityAnomalies(period: ActivityPeriod): Promise<ActivityAnomaly[]>;
  /** Every staff member the log may name, for its filter (activity.view suffices). */
  getActivityStaff(): Promise<ActivityStaffOption[]>;
}

const periodQuery = ({ from, to }: ActivityPeriod) => new URLSearchParams({ from, to }).toString();

export const activityProvider: ActivityDataProvider = {
  async reviewActivity(request) {
    const { json } = await httpClient(`${API_URL}/activity/reviews`, { method: 'POST', body: JSON.stringify(request) });
    return json as ActivityReviewResponse;
  },

  async verifyActivity() {
    const { json } = await httpClient(`${API_URL}/activity/verify`);
    return json as ActivityVerifyResponse;
  },

  async getLatestActivityVerification() {
    const { status, json } = await httpClient(`${API_URL}/activity/verify/latest`);
    return status === 204 ? null : (json as ActivityVerifyResponse);
  },

  async getPasswordActionStats(period) {
    // Counted per day of the supervisor's time zone, as the chart and the date inputs show days.
    const { json } = await httpClient(
      `${API_URL}/activity/stats?${periodQuery(period)}&${new URLSearchParams({ tz: browserTimeZone() })}`,
    );
    return json as PasswordActionStatsRow[];
  },

  async getActivityStaff() {
    const { json } = await httpClient(`${API_URL}/activity/staff`);
    return json as ActivityStaffOption[];
  },

  async getActivityAnomalies(period) {
    const { json } = await httpClient(`${API_URL}/activity/anomalies?${periodQuery(period)}`);
    return json as ActivityAnomaly[];
  },
};
