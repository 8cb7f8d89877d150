import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Link, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import type { KeydeskDataProvider } from '../providers/data-provider';

const QUERY_KEY = ['keydesk', 'activity-verify'];

/**
 * Whether the log can be trusted: the api recomputes every entry's HMAC from the last signed
 * checkpoint. A walk of a long trail takes minutes, so the banner shows the last one (the api
 * walks every few hours by itself) and walks now only when asked, or when there was none yet.
 */
export const ActivityIntegrityBanner = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const queryClient = useQueryClient();
  const [walking, setWalking] = useState(false);
  const { data, error, isFetching } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: async () => (await dataProvider.getLatestActivityVerification()) ?? dataProvider.verifyActivity(),
    refetchOnWindowFocus: false,
    retry: false,
  });
  const walkNow = async () => {
    setWalking(true);
    try {
      queryClient.setQueryData(QUERY_KEY, await dataProvider.verifyActivity());
    } finally {
      setWalking(false);
    }
  };
  const checkAgain = (
    <Button
      label="keydesk.activity.integrity.check_again"
      onClick={() => void walkNow()}
      disabled={isFetching || walking}
    />
  );
  const when = data
    ? ` ${translate('keydesk.activity.integrity.verified_at', {
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(data.verifiedAt),
        ),
      })}`
    : '';

  if (isFetching || walking) {
    return (
      <Stack direction="row" spacing={1} role="status" sx={{ alignItems: 'center', px: 2, py: 1.5 }}>
        <CircularProgress size={18} aria-hidden />
        <Typography variant="body2">{translate('keydesk.activity.integrity.checking')}</Typography>
      </Stack>
    );
  }
  if (error || !data) {
    return (
      <Alert severity="warning" action={checkAgain} sx={{ m: 1 }}>
        {translate('keydesk.activity.integrity.failed')}
      </Alert>
    );
  }
  if (!data.ok) {
    const broken = data.firstBroken;
    return (
      <Alert severity="error" role="alert" action={checkAgain} sx={{ m: 1 }}>
        {broken
          ? translate('keydesk.activity.integrity.broken', { seq: broken.seq })
          : translate('keydesk.activity.integrity.broken_checkpoint')}
        {when}{' '}
        {broken?.id && (
          <Link to={`/activity/${broken.id}/show`}>
            {translate('keydesk.activity.integrity.open_broken', { seq: broken.seq })}
          </Link>
        )}
      </Alert>
    );
  }
  const checkpoint = data.checkpoint;
  return (
    <Alert severity="success" role="status" action={checkAgain} sx={{ m: 1 }}>
      {translate('keydesk.activity.integrity.ok', { smart_count: data.checked })}
      {when}
      {checkpoint &&
        ` ${translate('keydesk.activity.integrity.checkpoint', {
          seq: checkpoint.lastSeq,
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(checkpoint.archivedAt)),
        })}`}
    </Alert>
  );
};
