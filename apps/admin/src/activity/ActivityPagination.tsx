import FirstPageIcon from '@mui/icons-material/FirstPage';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Stack, Typography } from '@mui/material';
import { Button, useListContext, useTranslate } from 'react-admin';

/**
 * The log has no page count (nobody counts millions of rows), only newer and older entries: the
 * buttons say which way the time goes, as in a mail client.
 */
export const ActivityPagination = () => {
  const { page, setPage, hasNextPage, hasPreviousPage, isPending } = useListContext();
  const translate = useTranslate();
  if (isPending || (!hasNextPage && !hasPreviousPage)) return null;
  return (
    <Stack
      component="nav"
      aria-label={translate('keydesk.activity.pages')}
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', justifyContent: 'flex-end', p: 1 }}
    >
      <Button label="keydesk.activity.newest" onClick={() => setPage(1)} disabled={!hasPreviousPage}>
        <FirstPageIcon />
      </Button>
      <Button label="keydesk.activity.newer" onClick={() => setPage(page - 1)} disabled={!hasPreviousPage}>
        <NavigateBeforeIcon />
      </Button>
      <Typography variant="body2" aria-live="polite">
        {translate('keydesk.activity.page', { page })}
      </Typography>
      <Button
        label="keydesk.activity.older"
        onClick={() => setPage(page + 1)}
        disabled={!hasNextPage}
        alignIcon="right"
      >
        <NavigateNextIcon />
      </Button>
    </Stack>
  );
};
