import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import { Button } from 'react-admin';

import { ApiTokenCreateDialog } from './ApiTokenCreateDialog';

export const ApiTokenCreateButton = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="keydesk.integrations.api_tokens.create" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <AddIcon />
      </Button>
      {open && <ApiTokenCreateDialog onClose={() => setOpen(false)} />}
    </>
  );
};
