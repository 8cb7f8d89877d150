import {
  ChipField,
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SingleFieldList,
  useTranslate,
} from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { STAFF_STATUS_CHOICES } from '../i18n/choices';
import { StaffStatusField } from './StaffStatusField';

const useStaffFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('keydesk.staff.search')} sx={{ minWidth: 340 }} />,
    <SelectInput key="status" source="status" choices={STAFF_STATUS_CHOICES} alwaysOn />,
    <ReferenceInput key="roleId" source="roleId" reference="roles" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <SelectInput optionText="name" label="resources.staff.fields.roleId" />
    </ReferenceInput>,
  ];
};

export const StaffList = () => {
  const filters = useStaffFilters();
  return (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25} exporter={false}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="email" />
        <DataTable.Col source="roleIds" disableSort>
          <ReferenceArrayField source="roleIds" reference="roles">
            <SingleFieldList linkType="show">
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col source="status">
          <StaffStatusField />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt">
          <RelativeDateField source="lastLoginAt" emptyText="keydesk.staff.never_signed_in" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
