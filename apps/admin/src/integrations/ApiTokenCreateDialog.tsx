import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { API_TOKEN_MAX_DAYS, type Permission } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  CheckboxGroupInput,
  DateInput,
  Form,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useLocaleState,
  useTranslate,
  type Validator,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { API_TOKEN_PERMISSION_CHOICES } from '../i18n/choices';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import type { ApiTokenRequest } from '../providers/integrations-provider';
import { dateInDays, daysUntil, DEFAULT_EXPIRY_DAYS, expiryInstant, isAllowedExpiry } from './api-token-expiry';
import { ShownOnceSecret } from './ShownOnceSecret';

const PREFIX = 'keydesk.integrations.api_tokens';
const NAME_MAX_LENGTH = 100;

/**
 * "New token": a name, what it may do and until when; then the token itself, this once. The api
 * asks for a recent step-up first, which the http client handles while this dialog waits.
 */
export const ApiTokenCreateDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({ mutationFn: (request: ApiTokenRequest) => dataProvider.createApiToken(request) });

  const lastDate = dateInDays(API_TOKEN_MAX_DAYS);
  const lastDateText = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(`${lastDate}T12:00:00`));
  const validateExpiry: Validator = (value) =>
    isAllowedExpiry(daysUntil(value)) ? undefined : { message: `${PREFIX}.expiry_range`, args: { date: lastDateText } };

  const submit = async (values: FieldValues) => {
    const name = String(values.name).trim();
    try {
      const answer = await create.mutateAsync({
        name,
        permissions: values.permissions as Permission[],
        expiresAt: expiryInstant(daysUntil(values.expiresAt)!),
      });
      // A 401 sent the administrator to the sign-in page instead: no token was made.
      if (!hasSession()) return undefined;
      setCreated({ name, token: answer.token });
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (error) {
      return submissionErrors(error);
    }
    return undefined;
  };

  // Once the token shows, a click beside the dialog must not lose it: only Escape or Done close it.
  const close = (_event: unknown, reason?: string) => {
    if (create.isPending || (created && reason === 'backdropClick')) return;
    onClose();
  };

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} aria-describedby={helpId} fullWidth maxWidth="sm">
      {created ? (
        <>
          <DialogTitle id={titleId}>{translate(`${PREFIX}.created_title`, { name: created.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(`${PREFIX}.created_help`)}
            </DialogContentText>
            <ShownOnceSecret label={`${PREFIX}.token`} secret={created.token} usage={`${PREFIX}.token_usage`} />
          </DialogContent>
          <DialogActions>
            <Button label="keydesk.integrations.done" onClick={onClose} />
          </DialogActions>
        </>
      ) : (
        <Form
          record={{}}
          defaultValues={{ name: '', permissions: [], expiresAt: dateInDays(DEFAULT_EXPIRY_DAYS) }}
          onSubmit={submit}
          noValidate
        >
          <DialogTitle id={titleId}>{translate(`${PREFIX}.create_title`)}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(`${PREFIX}.create_help`)}
            </DialogContentText>
            <TextInput
              source="name"
              label="resources.api-tokens.fields.name"
              helperText={`${PREFIX}.name_help`}
              autoComplete="off"
              validate={[required(), maxLength(NAME_MAX_LENGTH)]}
              slotProps={{ htmlInput: { maxLength: NAME_MAX_LENGTH } }}
              fullWidth
            />
            <CheckboxGroupInput
              source="permissions"
              label="resources.api-tokens.fields.permissions"
              helperText={`${PREFIX}.permissions_help`}
              choices={API_TOKEN_PERMISSION_CHOICES}
              validate={required(`${PREFIX}.permissions_required`)}
              row={false}
            />
            <DateInput
              source="expiresAt"
              label="resources.api-tokens.fields.expiresAt"
              helperText={translate(`${PREFIX}.expiry_help`, { date: lastDateText })}
              validate={[required(), validateExpiry]}
              slotProps={{ htmlInput: { min: dateInDays(1), max: lastDate } }}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} disabled={create.isPending} />
            <SaveButton
              label={`${PREFIX}.submit`}
              icon={<KeyIcon />}
              disabled={create.isPending}
              alwaysEnable={!create.isPending}
            />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
