import WebhookIcon from '@mui/icons-material/Webhook';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { WebhookEvent } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  CheckboxGroupInput,
  Form,
  maxLength,
  regex,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { WEBHOOK_EVENT_CHOICES } from '../i18n/choices';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import type { WebhookRequest } from '../providers/integrations-provider';
import { ShownOnceSecret } from './ShownOnceSecret';

const PREFIX = 'keydesk.integrations.webhooks';
const URL_MAX_LENGTH = 2000;
// The api checks the address fully (and asks for https in production); this only catches a missing scheme.
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/**
 * "Register webhook": an address and the events it wants; then the signing secret, this once. The
 * api asks for a recent step-up first, which the http client handles while this dialog waits.
 */
export const WebhookCreateDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({ mutationFn: (request: WebhookRequest) => dataProvider.createWebhook(request) });

  const submit = async (values: FieldValues) => {
    try {
      const answer = await create.mutateAsync({
        url: String(values.url).trim(),
        events: values.events as WebhookEvent[],
      });
      // A 401 sent the administrator to the sign-in page instead: nothing was registered.
      if (!hasSession()) return undefined;
      setSecret(answer.secret);
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    } catch (error) {
      return submissionErrors(error);
    }
    return undefined;
  };

  // Once the secret shows, a click beside the dialog must not lose it: only Escape or Done close it.
  const close = (_event: unknown, reason?: string) => {
    if (create.isPending || (secret && reason === 'backdropClick')) return;
    onClose();
  };

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} aria-describedby={helpId} fullWidth maxWidth="sm">
      {secret ? (
        <>
          <DialogTitle id={titleId}>{translate(`${PREFIX}.created_title`)}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(`${PREFIX}.created_help`)}
            </DialogContentText>
            <ShownOnceSecret label={`${PREFIX}.secret`} secret={secret} usage={`${PREFIX}.secret_usage`} />
          </DialogContent>
          <DialogActions>
            <Button label="keydesk.integrations.done" onClick={onClose} />
          </DialogActions>
        </>
      ) : (
        <Form record={{}} defaultValues={{ url: '', events: [] }} onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{translate(`${PREFIX}.register_title`)}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(`${PREFIX}.register_help`)}
            </DialogContentText>
            <TextInput
              source="url"
              type="url"
              label="resources.webhooks.fields.url"
              helperText={`${PREFIX}.url_help`}
              autoComplete="off"
              validate={[required(), maxLength(URL_MAX_LENGTH), regex(WEB_ADDRESS, `${PREFIX}.url_invalid`)]}
              slotProps={{ htmlInput: { maxLength: URL_MAX_LENGTH, spellCheck: false } }}
              fullWidth
            />
            <CheckboxGroupInput
              source="events"
              label="resources.webhooks.fields.events"
              helperText={`${PREFIX}.events_help`}
              choices={WEBHOOK_EVENT_CHOICES}
              validate={required(`${PREFIX}.events_required`)}
              row={false}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} disabled={create.isPending} />
            <SaveButton
              label={`${PREFIX}.submit`}
              icon={<WebhookIcon />}
              disabled={create.isPending}
              alwaysEnable={!create.isPending}
            />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
