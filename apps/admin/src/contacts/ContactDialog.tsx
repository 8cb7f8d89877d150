import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { ContactResponse } from '@keydesk/domain';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  ResourceContextProvider,
  SaveButton,
  useCreate,
  useNotify,
  useTranslate,
  useUpdate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { ContactInputs, NEW_CONTACT, toContactBody, type ContactForm } from './ContactInputs';

interface ContactDialogProps {
  clientId: number;
  /** The contact to edit; without one, the dialog adds a contact. */
  contact?: ContactResponse;
  onClose: () => void;
}

/** Adds or edits one contact of the client; per-field refusals of the api show by their input. */
export const ContactDialog = ({ clientId, contact, onClose }: ContactDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const titleId = useId();
  const [create, { isPending: creating }] = useCreate<ContactResponse>();
  const [update, { isPending: updating }] = useUpdate<ContactResponse>(undefined, undefined, {
    mutationMode: 'pessimistic',
  });
  const isPending = creating || updating;

  const submit = async (values: FieldValues) => {
    const body = toContactBody(values as ContactForm);
    try {
      if (contact) {
        await update('client-contacts', { id: contact.id, data: body, previousData: contact }, { returnPromise: true });
      } else {
        await create('client-contacts', { data: { clientId, ...body } }, { returnPromise: true });
      }
      notify(contact ? 'keydesk.contacts.updated' : 'keydesk.contacts.added', { type: 'success' });
      onClose();
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <Dialog open onClose={isPending ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <ResourceContextProvider value="client-contacts">
        <Form record={contact ?? {}} defaultValues={contact ? undefined : NEW_CONTACT} onSubmit={submit}>
          <DialogTitle id={titleId}>
            {translate(contact ? 'keydesk.contacts.edit_title' : 'keydesk.contacts.add_title')}
          </DialogTitle>
          <DialogContent>
            <ContactInputs />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
            <SaveButton disabled={isPending} />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
