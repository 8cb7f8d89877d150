import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import {
  Alert,
  Card,
  CardActions,
  CardContent,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import type { KeydeskDataProvider } from '../providers/data-provider';

// Often enough to notice an outage during a shift, rarely enough to cost the api nothing.
const REFRESH_MS = 60_000;

const HealthRow = ({ label, working }: { label: string; working: boolean }) => {
  const translate = useTranslate();
  return (
    <ListItem disableGutters>
      <ListItemIcon sx={{ minWidth: 32 }}>
        {working ? <CheckCircleIcon color="success" /> : <ErrorIcon color="error" />}
      </ListItemIcon>
      <ListItemText
        primary={label}
        secondary={translate(working ? 'keydesk.health.working' : 'keydesk.health.failing')}
      />
    </ListItem>
  );
};

export const HealthCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data, error, isFetching, dataUpdatedAt, errorUpdatedAt, refetch } = useQuery({
    queryKey: ['keydesk', 'health'],
    queryFn: () => dataProvider.getHealth(),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const checkedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  return (
    <Card component="section" aria-labelledby="health-title" aria-busy={isFetching} sx={{ flex: 1, width: '100%' }}>
      <CardContent>
        <Typography id="health-title" component="h2" variant="h6">
          {translate('keydesk.health.title')}
        </Typography>
        {/* After a failed check the last good answer is stale: showing it would hide the outage. */}
        {error ? (
          <Alert severity="error" sx={{ my: 1 }}>
            {translate('keydesk.health.unreachable')}
          </Alert>
        ) : (
          data && (
            <List dense>
              <HealthRow label={translate('keydesk.health.service')} working={data.status === 'ok'} />
              <HealthRow label={translate('keydesk.health.database')} working={data.database === 'up'} />
            </List>
          )
        )}
        <Typography variant="body2" color="text.secondary">
          {isFetching
            ? translate('keydesk.health.checking')
            : checkedAt > 0 &&
              translate('keydesk.health.checked_at', {
                time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(checkedAt),
              })}
        </Typography>
      </CardContent>
      <CardActions>
        <Button label="keydesk.health.check_again" onClick={() => refetch()} disabled={isFetching} />
      </CardActions>
    </Card>
  );
};
