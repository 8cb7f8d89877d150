import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type Identifier } from 'react-admin';

import { API_URL, httpClient } from './http-client';

export interface SystemHealth {
  status: string;
  database: string;
}

/** The CRUD calls of ra-data-simple-rest, plus the api's actions that are not CRUD. */
export interface KeydeskDataProvider extends DataProvider {
  setStaffPassword(id: Identifier, password: string): Promise<void>;
  getHealth(): Promise<SystemHealth>;
}

function isHealthReport(body: unknown): body is SystemHealth {
  return typeof body === 'object' && body !== null && 'status' in body && 'database' in body;
}

const crud = simpleRestProvider(API_URL, httpClient);

export const dataProvider: KeydeskDataProvider = {
  ...crud,

  async setStaffPassword(id, password) {
    await httpClient(`${API_URL}/staff/${encodeURIComponent(String(id))}/password`, {
      method: 'POST',
      body: JSON.stringify({ password }),
    });
  },

  async getHealth() {
    try {
      const { json } = await httpClient(`${API_URL}/health`);
      return json as SystemHealth;
    } catch (error) {
      // An unhealthy api answers 503 with the same report, which is exactly what to show.
      if (error instanceof HttpError && isHealthReport(error.body)) return error.body;
      throw error;
    }
  },
};
