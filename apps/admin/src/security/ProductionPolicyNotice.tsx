import { Alert } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

// In localStorage itself, not react-admin's store, which signing out empties.
const DISMISSED_KEY = 'keydesk.two_factor_notice';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

/**
 * Where second factors are optional (a development or test deployment), says once that production
 * requires one, so nobody first meets the enrolment on the day it matters. Dismissed for good.
 */
export const ProductionPolicyNotice = () => {
  const translate = useTranslate();
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (dismissed) return null;

  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, 'dismissed');
    } catch {
      // Storage refused (private mode, full): the notice is hidden for this visit only.
    }
    setDismissed(true);
  };

  return (
    <Alert severity="info" onClose={dismiss} closeText={translate('ra.action.close')}>
      {translate('keydesk.security.production_notice')}
    </Alert>
  );
};
