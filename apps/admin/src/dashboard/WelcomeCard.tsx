import CheckIcon from '@mui/icons-material/Check';
import { Card, CardContent, Chip, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

import { permissionLabelKey } from '../i18n/choices';
import type { KeydeskIdentity } from '../providers/auth-provider';

export const WelcomeCard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const { fullName, username, roles, permissions } = identity as KeydeskIdentity;

  return (
    <Card component="section" aria-labelledby="welcome-title" sx={{ flex: 2, width: '100%' }}>
      <CardContent>
        <Typography id="welcome-title" component="h2" variant="h5" gutterBottom>
          {translate('keydesk.dashboard.welcome', { name: fullName })}
        </Typography>
        <Typography color="text.secondary">{translate('keydesk.dashboard.signed_in_as', { username })}</Typography>

        <Typography component="h3" variant="h6" sx={{ mt: 3, mb: 1 }}>
          {translate('keydesk.dashboard.roles_title')}
        </Typography>
        {roles.length > 0 ? (
          <Stack component="ul" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
            {roles.map((role) => (
              <Chip component="li" key={role.id} label={role.name} />
            ))}
          </Stack>
        ) : (
          <Typography>{translate('keydesk.dashboard.no_roles')}</Typography>
        )}

        <Typography component="h3" variant="h6" sx={{ mt: 3 }}>
          {translate('keydesk.dashboard.permissions_title')}
        </Typography>
        {permissions.length > 0 ? (
          <List dense>
            {permissions.map((permission) => (
              <ListItem key={permission} disableGutters>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <CheckIcon color="success" fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={translate(permissionLabelKey(permission))} />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography>{translate('keydesk.dashboard.no_permissions')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
