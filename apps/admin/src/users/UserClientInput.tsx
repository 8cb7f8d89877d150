import type { UserResponse } from '@keydesk/domain';
import { SelectInput } from 'react-admin';

/**
 * Which of the user's clients the action is for: its language is the mail's and its tickets are
 * the ones to choose from. Shown only when there is a choice to make.
 */
export const UserClientInput = ({ user }: { user: UserResponse }) => {
  if (user.clients.length < 2) return null;
  return (
    <SelectInput
      source="clientId"
      label="keydesk.users.reset.client"
      choices={user.clients.map((membership) => ({ id: membership.clientId, name: membership.companyName }))}
      translateChoice={false}
      validate={(value: unknown) => (value ? undefined : 'ra.validation.required')}
    />
  );
};
