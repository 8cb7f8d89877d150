import type { ActivityListEntry } from '@keydesk/domain';
import { BulkActionsToolbar, DataTable, FilterButton, List, TopToolbar } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { ActivityExportButtons } from './ActivityExportButtons';
import { ActivityActionLink, ActivityActorField, ActivityReviewedField, ActivitySubjectField } from './ActivityFields';
import { useActivityFilters } from './ActivityFilters';
import { ActivityIntegrityBanner } from './ActivityIntegrityBanner';
import { ActivityPagination } from './ActivityPagination';
import { ActivityReviewBulkButton, ActivityReviewPeriodButton } from './ActivityReviewButtons';
import { ActivitySelectEntry, ActivitySelectPage } from './ActivitySelection';

// Many filters and several actions: the filters get the whole width, the actions the line below.
const TOOLBAR_WRAPS = { '& .RaList-actions': { flexWrap: 'wrap' } };

const ActivityListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ActivityReviewPeriodButton />
    <ActivityExportButtons />
  </TopToolbar>
);

/**
 * The supervisors' activity log: who did what to whom, when and from where, newest first, with
 * whether someone reviewed it. The api keeps one order (the chain's), so nothing sorts here.
 */
export const ActivityList = () => {
  const filters = useActivityFilters();
  return (
    <List
      filters={filters}
      actions={<ActivityListActions />}
      perPage={50}
      pagination={<ActivityPagination />}
      exporter={false}
      sx={TOOLBAR_WRAPS}
    >
      <BulkActionsToolbar>
        <ActivityReviewBulkButton />
      </BulkActionsToolbar>
      <ActivityIntegrityBanner />
      <DataTable<ActivityListEntry> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col label={<ActivitySelectPage />} padding="checkbox">
          <ActivitySelectEntry />
        </DataTable.Col>
        <DataTable.Col source="occurredAt" disableSort>
          <RelativeDateField source="occurredAt" emptyText="keydesk.activity.unknown_time" />
        </DataTable.Col>
        <DataTable.Col source="actorName" disableSort>
          <ActivityActorField />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <ActivityActionLink />
        </DataTable.Col>
        <DataTable.Col source="subjectName" disableSort>
          <ActivitySubjectField />
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort />
        <DataTable.Col source="reviewed" disableSort>
          <ActivityReviewedField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
