import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import { Button } from 'react-admin';

import { WebhookCreateDialog } from './WebhookCreateDialog';

export const WebhookCreateButton = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="keydesk.integrations.webhooks.register" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <AddIcon />
      </Button>
      {open && <WebhookCreateDialog onClose={() => setOpen(false)} />}
    </>
  );
};
