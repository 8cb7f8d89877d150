import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';

import type { ActivityPeriod } from '../providers/activity-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.activity.approvals';
const COUNTS = ['requested', 'approved', 'denied', 'used', 'expired'] as const;

/**
 * How many exceptions each agent asked for in the period and what became of them: an agent who
 * asks often, or is often denied, is worth a conversation.
 */
export const ApprovalsPerAgentTable = ({ period }: { period: ActivityPeriod }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['activity', 'approval-stats', period],
    queryFn: () => dataProvider.getApprovalStats(period),
  });
  if (error) return <Alert severity="error">{translate('keydesk.activity.password_actions.unavailable')}</Alert>;
  if (!data) return null;
  if (data.length === 0) return <Typography variant="body2">{translate(`${PREFIX}.none`)}</Typography>;
  return (
    <Table size="small" aria-label={translate(`${PREFIX}.title`)}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${PREFIX}.columns.agent`)}</TableCell>
          {COUNTS.map((column) => (
            <TableCell key={column} align="right">
              {translate(`${PREFIX}.columns.${column}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((row) => (
          <TableRow key={row.staffId}>
            <TableCell component="th" scope="row">
              {row.staffName}
            </TableCell>
            {COUNTS.map((column) => (
              <TableCell key={column} align="right">
                {row[column]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
