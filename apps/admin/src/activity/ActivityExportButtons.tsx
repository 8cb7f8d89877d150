import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { Permission } from '@keydesk/domain';
import { useListContext, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { activityExportUrl } from '../providers/activity-pages';

/**
 * Downloads the log as the list is filtered, every page of it. A plain link: the browser streams
 * the file with the session cookie, however long, and the api records the export in the log.
 */
export const ActivityExportButtons = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const canExport = useHasPermission(Permission.ActivityExport);
  if (!canExport) return null;
  return (
    <>
      {(['csv', 'jsonl'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          href={activityExportUrl(filterValues, format)}
          download
          startIcon={<DownloadIcon />}
        >
          {translate(`keydesk.activity.export.${format}`)}
        </Button>
      ))}
    </>
  );
};
