import {
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * The browser's side of a passkey ceremony failed: the person cancelled, it timed out, the device
 * has no passkey for this site, or the browser cannot do WebAuthn. Its message is a translation key;
 * the api was not told, so nothing changed and the same button can simply be pressed again.
 */
export class PasskeyCeremonyError extends Error {
  constructor(cause: unknown) {
    super('keydesk.passkeys.ceremony_failed', { cause });
  }
}

export async function createPasskey(
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
): Promise<RegistrationResponseJSON> {
  try {
    return await startRegistration({ optionsJSON });
  } catch (error) {
    throw new PasskeyCeremonyError(error);
  }
}

export async function assertPasskey(
  optionsJSON: PublicKeyCredentialRequestOptionsJSON,
): Promise<AuthenticationResponseJSON> {
  try {
    return await startAuthentication({ optionsJSON });
  } catch (error) {
    throw new PasskeyCeremonyError(error);
  }
}
