import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import type { TwoFactorStatus } from '@keydesk/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import { Section } from '../common/Section';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { PasskeysSection } from './PasskeysSection';
import { ProductionPolicyNotice } from './ProductionPolicyNotice';
import { RemoveTotpButton } from './RemoveTotpButton';
import { RenewRecoveryCodesButton } from './RenewRecoveryCodesButton';
import { SessionsSection } from './SessionsSection';
import { TotpEnrolment } from './TotpEnrolment';

const PREFIX = 'keydesk.security';
const QUERY_KEY = ['keydesk', 'two-factor'];
// Few enough left that losing the phone could leave the staff member locked out.
const FEW_CODES_LEFT = 3;

const AuthenticatorApp = ({ status, onChange }: { status: TwoFactorStatus; onChange: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The codes of a new enrolment stay on screen until "Done", whatever the refreshed status says.
  const [showingCodes, setShowingCodes] = useState(false);
  const { enabled, enabledAt } = status.totp;
  const since = enabledAt && new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(enabledAt));
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        {enabled
          ? since
            ? translate(`${PREFIX}.app_on`, { date: since })
            : translate(`${PREFIX}.app_on_undated`)
          : translate(`${PREFIX}.app_off`)}
      </Typography>
      {!enabled || showingCodes ? (
        <TotpEnrolment
          doneLabel="keydesk.two_factor.done"
          onConfirmed={() => {
            setShowingCodes(true);
            onChange();
          }}
          onDone={() => setShowingCodes(false)}
        />
      ) : (
        <Box>
          <RemoveTotpButton onRemoved={onChange} />
        </Box>
      )}
    </Stack>
  );
};

const RecoveryCodesSummary = ({ status, onChange }: { status: TwoFactorStatus; onChange: () => void }) => {
  const translate = useTranslate();
  if (!status.totp.enabled && status.passkeys.length === 0) {
    return <Typography variant="body2">{translate(`${PREFIX}.codes_need_app`)}</Typography>;
  }
  const { remaining } = status.recoveryCodes;
  const summary = translate(`${PREFIX}.codes_remaining`, { smart_count: remaining });
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      {remaining <= FEW_CODES_LEFT ? (
        <Alert severity="warning">{`${summary} ${translate(`${PREFIX}.codes_few`)}`}</Alert>
      ) : (
        <Typography variant="body2">{summary}</Typography>
      )}
      <RenewRecoveryCodesButton onRenewed={onChange} />
    </Stack>
  );
};

/** My account → Security: the staff member's own second factors, and where they are signed in. */
export const SecurityPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => dataProvider.getTwoFactorStatus(),
    // Coming back from the authenticator app must not redraw the page under an enrolment.
    refetchOnWindowFocus: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: QUERY_KEY });
  // A 401 answers empty while react-admin takes the staff member to the sign-in page.
  const status = data?.totp ? data : undefined;

  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={`${PREFIX}.title`} />
      {status?.policy === 'optional' && <ProductionPolicyNotice />}
      {error ? (
        <Alert severity="error">{translate(`${PREFIX}.load_failed`)}</Alert>
      ) : !status ? (
        <LinearProgress />
      ) : (
        <>
          <Card>
            <CardContent>
              <Section title="keydesk.passkeys.title">
                <PasskeysSection status={status} onChange={refresh} />
              </Section>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Section title={`${PREFIX}.app_title`}>
                <AuthenticatorApp status={status} onChange={refresh} />
              </Section>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Section title={`${PREFIX}.codes_title`}>
                <RecoveryCodesSummary status={status} onChange={refresh} />
              </Section>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Section title="keydesk.sessions.title">
                <SessionsSection />
              </Section>
            </CardContent>
          </Card>
        </>
      )}
    </Stack>
  );
};
