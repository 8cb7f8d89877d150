import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ActivityDetailResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

/** Where each kind of subject's field names are translated, for the "Field" column. */
const FIELD_LABELS: Record<string, string> = {
  client: 'clients',
  user: 'users',
  staff: 'staff',
  role: 'roles',
  ticket: 'tickets',
  contact: 'client-contacts',
  note: 'client-notes',
  email: 'emails',
};

/** The fields that changed, before and after, as the api recorded them (never a secret). */
export const ActivityChangesTable = ({ entry }: { entry: ActivityDetailResponse }) => {
  const translate = useTranslate();
  if (entry.changes.length === 0) {
    return <Typography variant="body2">{translate('keydesk.activity.detail.no_changes')}</Typography>;
  }
  const resource = entry.subjectType ? FIELD_LABELS[entry.subjectType] : undefined;
  const fieldLabel = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return translate('keydesk.activity.detail.empty_value');
    // A switch (a client requiring a second factor, a contact's security mail) reads as Yes or No.
    if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return (
    <Table size="small" aria-label={translate('keydesk.activity.detail.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('keydesk.activity.detail.field')}</TableCell>
          <TableCell>{translate('keydesk.activity.detail.before')}</TableCell>
          <TableCell>{translate('keydesk.activity.detail.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entry.changes.map((change) => (
          <TableRow key={change.field}>
            <TableCell component="th" scope="row">
              {fieldLabel(change.field)}
            </TableCell>
            <TableCell>{show(change.from)}</TableCell>
            <TableCell>{show(change.to)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
