import { Stack } from '@mui/material';
import type { NoteResponse } from '@keydesk/domain';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { BooleanInput, Button, Form, ResourceContextProvider, SaveButton, TextInput, required } from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';

export type NoteBody = Pick<NoteResponse, 'body' | 'sticky'>;

interface NoteFormProps {
  /** The note being edited; without one the form writes a new note. */
  note?: NoteResponse;
  save: (body: NoteBody) => Promise<unknown>;
  onCancel?: () => void;
}

const EMPTY_NOTE: NoteBody = { body: '', sticky: false };

/**
 * Writes or rewrites a note. After a new note is saved the form starts again empty, ready for the
 * next one; per-field refusals of the api show under the text.
 */
export const NoteForm = ({ note, save, onCancel }: NoteFormProps) => {
  const submissionErrors = useSubmissionErrors();
  // A new key gives a fresh, empty form once a new note is saved.
  const [generation, setGeneration] = useState(0);

  const submit = async (values: FieldValues) => {
    try {
      await save({ body: String(values.body ?? '').trim(), sticky: values.sticky === true });
      setGeneration((count) => count + 1);
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <ResourceContextProvider value="client-notes">
      <Form key={generation} record={note ?? EMPTY_NOTE} onSubmit={submit}>
        <TextInput source="body" multiline minRows={3} validate={required()} autoFocus={note !== undefined} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <BooleanInput source="sticky" helperText="keydesk.notes.sticky_help" />
          <Stack direction="row" spacing={1}>
            {onCancel && <Button label="ra.action.cancel" onClick={onCancel} />}
            <SaveButton label={note ? 'ra.action.save' : 'keydesk.notes.add'} />
          </Stack>
        </Stack>
      </Form>
    </ResourceContextProvider>
  );
};
