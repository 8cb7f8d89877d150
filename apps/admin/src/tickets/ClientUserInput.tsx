import type { ClientUserResponse } from '@keydesk/domain';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, useGetManyReference } from 'react-admin';

// A client has a handful of users, listed in the api's own order.
const ALL_USERS = { page: 1, perPage: 100 };
const API_ORDER = { field: 'id', order: 'ASC' as const };

/**
 * Which of the chosen client's users the ticket is about, if one: "Ana cannot sign in" belongs
 * to Ana. The choices follow the client, and change of client clears the choice.
 */
export const ClientUserInput = () => {
  const clientId: unknown = useWatch({ name: 'clientId' });
  const { setValue } = useFormContext();
  const hasClient = clientId !== undefined && clientId !== null && clientId !== '';
  const { data: users = [], isPending } = useGetManyReference<ClientUserResponse>(
    'client-users',
    { target: 'clientId', id: String(clientId), pagination: ALL_USERS, sort: API_ORDER },
    { enabled: hasClient },
  );

  const previousClient = useRef(clientId);
  useEffect(() => {
    if (previousClient.current !== clientId) setValue('userId', null);
    previousClient.current = clientId;
  }, [clientId, setValue]);

  const choices = users.map((user) => ({ id: user.id, name: `${user.firstName} ${user.lastName} (${user.email})` }));
  return (
    <SelectInput
      source="userId"
      choices={choices}
      translateChoice={false}
      emptyText="keydesk.tickets.no_user"
      helperText="keydesk.tickets.user_help"
      disabled={!hasClient}
      isPending={hasClient && isPending}
    />
  );
};
