import EditIcon from '@mui/icons-material/Edit';
import PushPinIcon from '@mui/icons-material/PushPin';
import { Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { amber } from '@mui/material/colors';
import type { NoteResponse } from '@keydesk/domain';
import { useState } from 'react';
import { useNotify, useTranslate, useUpdate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { useNotifyError } from '../common/useApiErrors';
import { NoteForm, type NoteBody } from './NoteForm';

// Pinned notes stand out as they do on the Summary: amber, with a pin and the word "Pinned".
const PINNED_LOOK = { bgcolor: amber[50], borderColor: amber[700] };

/**
 * One note: who wrote it and when, its text, Pin for anyone who may write notes, and Edit for its
 * author only (the api says which with `editable`), so a colleague's words stay theirs.
 */
export const NoteCard = ({ note, canWrite }: { note: NoteResponse; canWrite: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState(false);
  const [update, { isPending }] = useUpdate<NoteResponse>(undefined, undefined, { mutationMode: 'pessimistic' });

  const save = async (body: NoteBody) => {
    await update('client-notes', { id: note.id, data: body, previousData: note }, { returnPromise: true });
    setEditing(false);
  };

  const togglePin = () =>
    update(
      'client-notes',
      // The pin alone: sending the text too would be refused on a colleague's note.
      { id: note.id, data: { sticky: !note.sticky }, previousData: note },
      {
        onSuccess: () => notify(note.sticky ? 'keydesk.notes.unpinned' : 'keydesk.notes.pinned', { type: 'success' }),
        onError: notifyError,
      },
    );

  return (
    <Card component="article" variant="outlined" sx={note.sticky ? PINNED_LOOK : undefined}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          {note.sticky && <Chip size="small" icon={<PushPinIcon />} label={translate('keydesk.notes.pinned_badge')} />}
          <Typography variant="subtitle2" component="span">
            {note.authorName}
          </Typography>
          <RelativeDate value={note.createdAt} emptyText="keydesk.notes.unknown_time" />
        </Stack>
        {editing ? (
          <NoteForm note={note} save={save} onCancel={() => setEditing(false)} />
        ) : (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {note.body}
          </Typography>
        )}
      </CardContent>
      {canWrite && !editing && (
        <CardActions>
          {note.editable && (
            <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
              {translate('ra.action.edit')}
            </Button>
          )}
          <Button size="small" startIcon={<PushPinIcon />} onClick={togglePin} disabled={isPending}>
            {translate(note.sticky ? 'keydesk.notes.unpin' : 'keydesk.notes.pin')}
          </Button>
        </CardActions>
      )}
    </Card>
  );
};
