import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { Permission } from '@keydesk/domain';
import { useListContext, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { activityExportUrl } from '../providers/activity-pages';
import { httpClient } from '../providers/http-client';

/**
 * Downloads the log as the list is filtered, every page of it. A plain link: the browser streams
 * the file with the session cookie, however long, and the api records the export in the log. The
 * export needs a recent step-up, which a plain link cannot answer: the click asks the api first
 * through the http client (which opens the step-up dialog when needed), then follows the link.
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
          onClick={(event) => {
            // The api answers with Content-Disposition: attachment, so following the link downloads.
            const href = event.currentTarget.href;
            event.preventDefault();
            void httpClient('/api/auth/step-up').then(
              () => window.location.assign(href),
              () => undefined,
            );
          }}
        >
          {translate(`keydesk.activity.export.${format}`)}
        </Button>
      ))}
    </>
  );
};
