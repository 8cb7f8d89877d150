import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Stack, TextField } from '@mui/material';
import { useId, useRef } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';

const PREFIX = 'keydesk.integrations';

interface ShownOnceSecretProps {
  /** Translation key of the field's label ("Token", "Signing secret"). */
  label: string;
  secret: string;
  /** Translation key of how to use it. */
  usage: string;
}

/**
 * A token or a signing secret the api hands out once and keeps only as a hash or sealed: shown
 * with a warning and a copy button. Copying can fail (an address that is not a secure context);
 * the text is then selected, ready to copy by hand.
 */
export const ShownOnceSecret = ({ label, secret, usage }: ShownOnceSecretProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify(`${PREFIX}.copied`, { type: 'success' });
    } catch {
      input.current?.focus();
      input.current?.select();
      notify(`${PREFIX}.copy_failed`, { type: 'error' });
    }
  };

  return (
    <Stack spacing={2}>
      <Alert severity="warning">{translate(`${PREFIX}.shown_once`)}</Alert>
      <TextField
        id={id}
        label={translate(label)}
        value={secret}
        inputRef={input}
        helperText={translate(usage)}
        fullWidth
        onFocus={(event) => event.target.select()}
        slotProps={{
          htmlInput: { readOnly: true, spellCheck: false, sx: { fontFamily: 'monospace' } },
        }}
      />
      <Stack direction="row">
        <Button label={`${PREFIX}.copy`} onClick={copy} variant="contained">
          <ContentCopyIcon />
        </Button>
      </Stack>
    </Stack>
  );
};
