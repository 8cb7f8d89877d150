import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { ClientResponse, ClientUserResponse } from '@keydesk/domain';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, ResourceContextProvider, SaveButton, useCreate, useNotify, useTranslate } from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { associateDefaults, ClientUserInputs, toAssociateBody, type AssociateUserForm } from './ClientUserInputs';

interface AssociateUserDialogProps {
  client: ClientResponse;
  users: readonly ClientUserResponse[];
  onClose: () => void;
}

/**
 * Gives someone access to the client's area. An email Keydesk already knows joins its existing
 * user to this client; a new one creates the user. The api's refusals (a user name taken in this
 * client, someone already associated) come back next to the input they concern.
 */
export const AssociateUserDialog = ({ client, users, onClose }: AssociateUserDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const titleId = useId();
  const helpId = useId();
  const [create, { isPending }] = useCreate<ClientUserResponse>();

  const submit = async (values: FieldValues) => {
    const body = toAssociateBody(values as AssociateUserForm);
    try {
      await create('client-users', { data: { clientId: client.id, ...body } }, { returnPromise: true });
      notify('keydesk.client_users.associated', {
        type: 'success',
        messageArgs: { name: `${body.firstName} ${body.lastName}`, company: client.companyName },
      });
      onClose();
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      {/* Labels and errors are the Users tab's: resources.client-users.fields.* */}
      <ResourceContextProvider value="client-users">
        <Form record={{}} defaultValues={associateDefaults(users)} onSubmit={submit}>
          <DialogTitle id={titleId}>
            {translate('keydesk.client_users.associate_title', { company: client.companyName })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate('keydesk.client_users.associate_help')}
            </DialogContentText>
            <ClientUserInputs />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
            <SaveButton label="keydesk.client_users.associate" icon={<PersonAddIcon />} disabled={isPending} />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
