import { FormControlLabel, Switch } from '@mui/material';
import { useGetIdentity, useInput, useTranslate } from 'react-admin';

/**
 * The queue's "Assigned to me" switch, for staff who may not list their colleagues (the staff
 * list needs staff.manage): it filters on their own id, which they always know.
 */
export const AssignedToMeInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { field } = useInput({ source });
  const myId = identity?.id;
  const checked = myId !== undefined && String(field.value) === String(myId);

  return (
    <FormControlLabel
      sx={{ mb: 1, ml: 0 }}
      label={translate('keydesk.tickets.assigned_to_me')}
      control={
        <Switch
          checked={checked}
          disabled={myId === undefined}
          // An empty string, not undefined, is what removes a filter from react-admin's list.
          onChange={(event) => field.onChange(event.target.checked ? myId : '')}
        />
      }
    />
  );
};
