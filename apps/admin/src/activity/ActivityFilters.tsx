import { ALL_ACTIVITY_ACTIONS } from '@keydesk/domain';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  ReferenceInput,
  SearchInput,
  TextInput,
  useTranslate,
} from 'react-admin';

import { activityActionKey } from '../i18n/choices';
import { ActivityStaffInput } from './ActivityStaffInput';

const ACTION_CHOICES = ALL_ACTIVITY_ACTIONS.map((action) => ({ id: action, name: activityActionKey(action) }));

/**
 * What a supervisor narrows the log by. The usual questions (who, which client, what, when) are
 * always shown; the user's number, the IP and free text are a click away.
 */
export const useActivityFilters = () => {
  const translate = useTranslate();
  return [
    <ActivityStaffInput key="staffId" source="staffId" alwaysOn />,
    // The client is found as in the clients list: company, contact, email, RFC, phone.
    <ReferenceInput key="clientId" source="clientId" reference="clients" alwaysOn>
      <AutocompleteInput label="resources.activity.fields.clientId" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <AutocompleteArrayInput key="action" source="action" choices={ACTION_CHOICES} alwaysOn sx={{ minWidth: 300 }} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <SearchInput key="q" source="q" placeholder={translate('keydesk.activity.search')} sx={{ minWidth: 280 }} />,
    <TextInput key="userId" source="userId" />,
    <TextInput key="ip" source="ip" />,
  ];
};
