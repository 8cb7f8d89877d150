import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Stack } from '@mui/material';
import { Button, useNotify, useTranslate } from 'react-admin';

const PREFIX = 'keydesk.two_factor';
const FILE_NAME = 'keydesk-recovery-codes.txt';

/**
 * Recovery codes, shown the once the api hands them out: the api keeps only their hashes, so they
 * are offered to copy and to download before the staff member moves on.
 */
export const RecoveryCodes = ({ codes }: { codes: string[] }) => {
  const translate = useTranslate();
  const notify = useNotify();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      notify(`${PREFIX}.copied`, { type: 'success' });
    } catch {
      notify(`${PREFIX}.copy_failed`, { type: 'error' });
    }
  };

  const download = () => {
    const text = `${translate(`${PREFIX}.file_heading`)}\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    // Revoked at once, the address could be gone before the browser has read the file.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Stack spacing={2}>
      <Alert severity="warning">{translate(`${PREFIX}.codes_warning`)}</Alert>
      <Box
        component="ol"
        aria-label={translate(`${PREFIX}.codes_title`)}
        // Two columns where both fit, one in the narrow sign-in card; a code never breaks across lines.
        sx={{
          columns: '12em 2',
          m: 0,
          pl: 4,
          fontFamily: 'monospace',
          fontSize: '1rem',
          lineHeight: 1.8,
          whiteSpace: 'nowrap',
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button label={`${PREFIX}.copy`} onClick={copy} variant="outlined">
          <ContentCopyIcon />
        </Button>
        <Button label={`${PREFIX}.download`} onClick={download} variant="outlined">
          <DownloadIcon />
        </Button>
      </Stack>
    </Stack>
  );
};
