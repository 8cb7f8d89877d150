import { Box, Tab, Tabs } from '@mui/material';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';

import { ApiTokenList } from './ApiTokenList';
import { WebhookDeliveriesPage } from './WebhookDeliveriesPage';
import { WebhookList } from './WebhookList';

const TABS = [
  { value: 'api-tokens', label: 'keydesk.integrations.api_tokens.title' },
  { value: 'webhooks', label: 'keydesk.integrations.webhooks.title' },
] as const;

/**
 * Each tab is a page of its own (an address to bookmark, the browser's Back between them), so
 * the tabs are links in a navigation landmark, as Material UI's "nav tabs" are.
 */
const IntegrationsTabs = () => {
  const translate = useTranslate();
  const { pathname } = useLocation();
  const current = TABS.find((tab) => pathname.startsWith(`/integrations/${tab.value}`))?.value ?? false;
  return (
    <Tabs value={current} role="navigation" aria-label={translate('keydesk.integrations.menu')}>
      {TABS.map((tab) => (
        <Tab
          key={tab.value}
          value={tab.value}
          label={translate(tab.label)}
          component={Link}
          to={`/integrations/${tab.value}`}
          aria-current={pathname === `/integrations/${tab.value}` ? 'page' : undefined}
        />
      ))}
    </Tabs>
  );
};

/** Integrations (administrators): tokens for programs that call the api, and webhooks that it calls. */
export const IntegrationsPage = () => (
  <Box>
    <IntegrationsTabs />
    <Routes>
      <Route index element={<Navigate to="api-tokens" replace />} />
      <Route path="api-tokens" element={<ApiTokenList />} />
      <Route path="webhooks" element={<WebhookList />} />
      <Route path="webhooks/:id" element={<WebhookDeliveriesPage />} />
    </Routes>
  </Box>
);
