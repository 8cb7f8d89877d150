import KeyIcon from '@mui/icons-material/Key';
import type { StaffResponse } from '@keydesk/domain';
import { lazy, Suspense, useState } from 'react';
import { Button, useRecordContext } from 'react-admin';

// Loaded on first use: it brings the password policy and its list of common passwords.
const StaffPasswordDialog = lazy(() =>
  import('./StaffPasswordDialog').then((module) => ({ default: module.StaffPasswordDialog })),
);

/** Opens the dialog that gives a staff member a new password, from their edit page. */
export const StaffPasswordButton = () => {
  const record = useRecordContext<StaffResponse>();
  const [open, setOpen] = useState(false);
  if (!record) return null;

  return (
    <>
      <Button label="keydesk.password.set" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <KeyIcon />
      </Button>
      {open && (
        <Suspense>
          <StaffPasswordDialog record={record} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
};
