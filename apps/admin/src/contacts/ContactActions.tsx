import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Button, Stack } from '@mui/material';
import type { ContactResponse } from '@keydesk/domain';
import { useState } from 'react';
import { Confirm, useDelete, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { ContactDialog } from './ContactDialog';

/**
 * Edit and Delete on a contact's row. Their accessible names carry the contact's name, since
 * every row has the same two buttons.
 */
export const ContactActions = (_props: { label?: string }) => {
  const contact = useRecordContext<ContactResponse>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const [remove, { isPending }] = useDelete<ContactResponse>(undefined, undefined, { mutationMode: 'pessimistic' });
  if (!contact) return null;
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const close = () => setDialog(null);

  const confirmDelete = () =>
    remove(
      'client-contacts',
      { id: contact.id, previousData: contact },
      {
        onSuccess: () => {
          notify('keydesk.contacts.deleted', { type: 'success', messageArgs: { name } });
          close();
        },
        onError: notifyError,
      },
    );

  return (
    <Stack direction="row" spacing={1}>
      <Button
        size="small"
        startIcon={<EditIcon />}
        aria-label={translate('keydesk.contacts.edit_named', { name })}
        aria-haspopup="dialog"
        onClick={() => setDialog('edit')}
      >
        {translate('ra.action.edit')}
      </Button>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteIcon />}
        aria-label={translate('keydesk.contacts.delete_named', { name })}
        aria-haspopup="dialog"
        onClick={() => setDialog('delete')}
      >
        {translate('ra.action.delete')}
      </Button>
      {dialog === 'edit' && <ContactDialog clientId={contact.clientId} contact={contact} onClose={close} />}
      <Confirm
        isOpen={dialog === 'delete'}
        loading={isPending}
        title="keydesk.contacts.delete_title"
        content="keydesk.contacts.delete_content"
        titleTranslateOptions={{ name }}
        contentTranslateOptions={{ name }}
        confirm="ra.action.delete"
        onConfirm={confirmDelete}
        onClose={close}
      />
    </Stack>
  );
};
