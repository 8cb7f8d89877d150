import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

import { passwordActionsListPath } from './activity-period';
import type { AgentTotals } from './password-action-stats';

interface PasswordActionsAgentsTableProps {
  agents: AgentTotals[];
  from: string;
  to: string;
}

const COLUMNS = ['agent', 'reset_emails', 'temporary_passwords', 'total', 'entries'] as const;

/** Each agent's totals over the period, with the way to the entries behind them. */
export const PasswordActionsAgentsTable = ({ agents, from, to }: PasswordActionsAgentsTableProps) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('keydesk.activity.password_actions.per_agent')}>
      <TableHead>
        <TableRow>
          {COLUMNS.map((column) => (
            <TableCell key={column} align={column === 'agent' || column === 'entries' ? 'left' : 'right'}>
              {translate(`keydesk.activity.password_actions.columns.${column}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {agents.map((agent) => (
          <TableRow key={agent.key}>
            <TableCell component="th" scope="row">
              {agent.staffName}
            </TableCell>
            <TableCell align="right">{agent.resetEmails}</TableCell>
            <TableCell align="right">{agent.temporaryPasswords}</TableCell>
            <TableCell align="right">{agent.total}</TableCell>
            <TableCell>
              {agent.staffId !== null && (
                <Link to={passwordActionsListPath({ staffId: agent.staffId, from, to })}>
                  {translate('keydesk.activity.password_actions.see_entries_of', { name: agent.staffName })}
                </Link>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
