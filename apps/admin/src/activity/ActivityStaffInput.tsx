import { ActivityAction, Permission, type ActivityListEntry } from '@keydesk/domain';
import { useMemo } from 'react';
import { AutocompleteInput, ReferenceInput, useGetList, useInput, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';

interface ActivityStaffInputProps {
  source: string;
  alwaysOn?: boolean;
}

const INPUT_WIDTH = { minWidth: 240 };

/**
 * Without staff.manage the staff list is out of reach (supervisors have no such right), so the
 * choice is the staff who signed in lately, as the log itself knows them: everyone who works.
 */
const RecentStaffInput = ({ source }: ActivityStaffInputProps) => {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const { data = [] } = useGetList<ActivityListEntry>('activity', {
    filter: { action: [ActivityAction.StaffSignedIn] },
    pagination: { page: 1, perPage: 500 },
  });
  const choices = useMemo(() => {
    const byId = new Map<string, string>();
    for (const entry of data) if (entry.actorType === 'staff' && entry.actorId) byId.set(entry.actorId, entry.actorName);
    const current = field.value ? String(field.value) : null;
    if (current && !byId.has(current)) byId.set(current, translate('keydesk.activity.staff_fallback', { id: current }));
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [data, field.value, translate]);
  return (
    <AutocompleteInput
      source={source}
      choices={choices}
      translateChoice={false}
      label="resources.activity.fields.staffId"
      sx={INPUT_WIDTH}
    />
  );
};

/** The staff member whose actions to show: from the staff list when the viewer may read it. */
export const ActivityStaffInput = ({ source }: ActivityStaffInputProps) => {
  const canListStaff = useHasPermission(Permission.StaffManage);
  if (!canListStaff) return <RecentStaffInput source={source} />;
  return (
    <ReferenceInput source={source} reference="staff" sort={{ field: 'displayName', order: 'ASC' }}>
      <AutocompleteInput optionText="displayName" label="resources.activity.fields.staffId" sx={INPUT_WIDTH} />
    </ReferenceInput>
  );
};
