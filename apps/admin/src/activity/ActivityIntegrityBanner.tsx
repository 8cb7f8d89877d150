import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, Link, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import type { KeydeskDataProvider } from '../providers/data-provider';

// The check walks the whole chain: once per visit to the log, not on every filter or page.
const FRESH_MS = 5 * 60_000;

/**
 * Whether the log can be trusted: the api recomputes every entry's HMAC from the last signed
 * checkpoint. A broken chain means an entry was altered or removed behind Keydesk's back.
 */
export const ActivityIntegrityBanner = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['keydesk', 'activity-verify'],
    queryFn: () => dataProvider.verifyActivity(),
    staleTime: FRESH_MS,
    gcTime: FRESH_MS,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const checkAgain = <Button label="keydesk.activity.integrity.check_again" onClick={() => refetch()} disabled={isFetching} />;

  if (isFetching) {
    return (
      <Stack direction="row" spacing={1} role="status" sx={{ alignItems: 'center', px: 2, py: 1.5 }}>
        <CircularProgress size={18} aria-hidden />
        <Typography variant="body2">{translate('keydesk.activity.integrity.checking')}</Typography>
      </Stack>
    );
  }
  if (error || !data) {
    return <Alert severity="warning" action={checkAgain} sx={{ m: 1 }}>{translate('keydesk.activity.integrity.failed')}</Alert>;
  }
  if (!data.ok) {
    const broken = data.firstBroken;
    return (
      <Alert severity="error" role="alert" action={checkAgain} sx={{ m: 1 }}>
        {broken ? translate('keydesk.activity.integrity.broken', { seq: broken.seq }) : translate('keydesk.activity.integrity.broken_checkpoint')}{' '}
        {broken?.id && (
          <Link to={`/activity/${broken.id}/show`}>{translate('keydesk.activity.integrity.open_broken', { seq: broken.seq })}</Link>
        )}
      </Alert>
    );
  }
  const checkpoint = data.checkpoint;
  return (
    <Alert severity="success" role="status" action={checkAgain} sx={{ m: 1 }}>
      {translate('keydesk.activity.integrity.ok', { smart_count: data.checked })}
      {checkpoint &&
        ` ${translate('keydesk.activity.integrity.checkpoint', {
          seq: checkpoint.lastSeq,
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(checkpoint.archivedAt)),
        })}`}
    </Alert>
  );
};
