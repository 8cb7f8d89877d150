import { ActivityAction, type PasswordActionStatsRow } from '@keydesk/domain';

// Distinct at a glance and each at least 4.5:1 on white, so a bar's colour also reads as text.
const AGENT_COLOURS = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#6a1b9a',
  '#a84300',
  '#00695c',
  '#4e342e',
  '#ad1457',
  '#37474f',
  '#5d4037',
];

/** One agent's password actions over the period. */
export interface AgentTotals {
  key: string;
  staffId: string | null;
  staffName: string;
  resetEmails: number;
  temporaryPasswords: number;
  total: number;
  colour: string;
}

const agentKey = (row: PasswordActionStatsRow) => row.staffId ?? `name:${row.staffName}`;

/** The agents, busiest first, each with a colour for the chart. */
export function agentTotals(rows: readonly PasswordActionStatsRow[]): AgentTotals[] {
  const byAgent = new Map<string, Omit<AgentTotals, 'colour'>>();
  for (const row of rows) {
    const key = agentKey(row);
    const agent = byAgent.get(key) ?? {
      key,
      staffId: row.staffId,
      staffName: row.staffName,
      resetEmails: 0,
      temporaryPasswords: 0,
      total: 0,
    };
    if (row.action === ActivityAction.UserPasswordResetEmailSent) agent.resetEmails += row.count;
    if (row.action === ActivityAction.UserPasswordSet) agent.temporaryPasswords += row.count;
    agent.total += row.count;
    byAgent.set(key, agent);
  }
  return [...byAgent.values()]
    .sort((a, b) => b.total - a.total || a.staffName.localeCompare(b.staffName))
    .map((agent, index) => ({ ...agent, colour: AGENT_COLOURS[index % AGENT_COLOURS.length] }));
}

/** For each day, each agent's count (both actions together). */
export function countsByDay(rows: readonly PasswordActionStatsRow[]): Map<string, Map<string, number>> {
  const byDay = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? new Map<string, number>();
    day.set(agentKey(row), (day.get(agentKey(row)) ?? 0) + row.count);
    byDay.set(row.day, day);
  }
  return byDay;
}
