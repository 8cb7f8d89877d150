import type { ActivityStaffOption } from '@keydesk/domain';
import { AutocompleteInput, useDataProvider } from 'react-admin';
import { useQuery } from '@tanstack/react-query';

import type { KeydeskDataProvider } from '../providers/data-provider';

interface ActivityStaffInputProps {
  source: string;
  alwaysOn?: boolean;
}

const INPUT_WIDTH = { minWidth: 240 };

/**
 * The staff member whose actions to show, from GET /api/activity/staff: activity.view is enough
 * (supervisors cannot list staff to manage them), and disabled staff are there too.
 */
export const ActivityStaffInput = ({ source }: ActivityStaffInputProps) => {
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data = [] } = useQuery<ActivityStaffOption[]>({
    queryKey: ['activity', 'staff'],
    queryFn: () => dataProvider.getActivityStaff(),
    staleTime: 5 * 60_000,
  });
  return (
    <AutocompleteInput
      source={source}
      choices={data.map((staff) => ({ id: String(staff.id), name: staff.displayName }))}
      translateChoice={false}
      label="resources.activity.fields.staffId"
      sx={INPUT_WIDTH}
    />
  );
};
