import { Stack } from '@mui/material';
import { Permission, type ClientResponse, type NoteResponse } from '@keydesk/domain';
import { Pagination, ReferenceManyField, useCreate, useListContext, useNotify, useRecordContext } from 'react-admin';

import { Section, type TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { NoteCard } from './NoteCard';
import { NoteForm, type NoteBody } from './NoteForm';

/** Pinned notes first, then newest first: what colleagues flagged must not scroll out of sight. */
function byPinnedThenNewest(a: NoteResponse, b: NoteResponse): number {
  if (a.sticky !== b.sticky) return a.sticky ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

const NoteCards = ({ canWrite }: { canWrite: boolean }) => {
  const { data = [] } = useListContext<NoteResponse>();
  return (
    <Stack spacing={1.5}>
      {[...data].sort(byPinnedThenNewest).map((note) => (
        <NoteCard key={note.id} note={note} canWrite={canWrite} />
      ))}
    </Stack>
  );
};

/** Staff notes on the client: what to know before the next call. Writing them needs clients.edit. */
export const ClientNotesTab = (_props: TabContentProps) => {
  const client = useRecordContext<ClientResponse>();
  const canWrite = useHasPermission(Permission.ClientsEdit);
  const notify = useNotify();
  const [create] = useCreate<NoteResponse>();
  if (!client) return null;

  const addNote = async (body: NoteBody) => {
    await create('client-notes', { data: { clientId: client.id, ...body } }, { returnPromise: true });
    notify('keydesk.notes.added', { type: 'success' });
  };

  return (
    <Stack spacing={3} sx={{ width: '100%' }}>
      {canWrite && (
        <Section title="keydesk.notes.add_title">
          <NoteForm save={addNote} />
        </Section>
      )}
      <Section title="keydesk.notes.title">
        <ReferenceManyField
          reference="client-notes"
          target="clientId"
          perPage={50}
          pagination={<Pagination rowsPerPageOptions={[50]} />}
          empty="keydesk.notes.empty"
        >
          <NoteCards canWrite={canWrite} />
        </ReferenceManyField>
      </Section>
    </Stack>
  );
};
