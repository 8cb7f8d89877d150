import type { OpenBrowser } from './browser-chromium';

/**
 * A platform authenticator in the browser itself (Chromium's DevTools virtual authenticator): the
 * ceremonies are the real navigator.credentials calls, with keys the api verifies as it would a
 * phone's. It keeps discoverable credentials and verifies the user (a PIN or a fingerprint, always
 * given), so a passkey can sign in alone. It belongs to the page: its navigations keep it.
 */
export async function addVirtualAuthenticator(browser: OpenBrowser): Promise<void> {
  const cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}
