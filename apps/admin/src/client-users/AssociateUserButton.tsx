import PersonAddIcon from '@mui/icons-material/PersonAdd';
import type { ClientResponse, ClientUserResponse } from '@keydesk/domain';
import { useState } from 'react';
import { Button, useListContext, useRecordContext } from 'react-admin';

import { AssociateUserDialog } from './AssociateUserDialog';

/** "+ Associate user" above the Users table: gives someone access to this client's area. */
export const AssociateUserButton = () => {
  const client = useRecordContext<ClientResponse>();
  const { data: users = [], isPending } = useListContext<ClientUserResponse>();
  const [open, setOpen] = useState(false);
  // Shown with the table, once the users are known: the form's defaults depend on them.
  if (!client || isPending) return null;

  return (
    <>
      <Button
        label="keydesk.client_users.associate"
        variant="contained"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        <PersonAddIcon />
      </Button>
      {open && <AssociateUserDialog client={client} users={users} onClose={() => setOpen(false)} />}
    </>
  );
};
