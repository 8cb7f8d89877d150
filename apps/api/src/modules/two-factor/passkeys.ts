import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

/** What a ceremony needs of a stored passkey, staff's or a customer's. */
export interface StoredPasskey {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string;
}

/** Who a new passkey is for: a handle that never changes, and the names an authenticator shows. */
export interface PasskeyOwner {
  handle: string;
  userName: string;
  displayName: string;
}

/** The relying party is the address people use (PUBLIC_URL), never a request's Host header. */
export interface RelyingParty {
  id: string;
  origin: string;
}

export function relyingPartyOf(publicUrl: URL): RelyingParty {
  return { id: publicUrl.hostname, origin: publicUrl.origin };
}

const transportsOf = (passkey: StoredPasskey) =>
  (passkey.transports ? passkey.transports.split(',') : []) as AuthenticatorTransportFuture[];

/** Options for navigator.credentials.create(): user verification preferred, no attestation, no second of the same key. */
export function registrationOptions(
  rp: RelyingParty,
  owner: PasskeyOwner,
  existing: StoredPasskey[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: 'Keydesk',
    rpID: rp.id,
    userName: owner.userName,
    userDisplayName: owner.displayName,
    userID: new TextEncoder().encode(owner.handle),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** The new credential, or null when the answer is not one for this challenge and site. */
export async function verifiedRegistration(
  rp: RelyingParty,
  challenge: string,
  response: RegistrationResponseJSON,
): Promise<StoredPasskey | null> {
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!verified || !registrationInfo) return null;
    const { credential } = registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: (credential.transports ?? []).join(','),
    };
  } catch {
    return null;
  }
}

/**
 * Options for navigator.credentials.get(): the person's passkeys; none named (a passkey found by
 * the browser, for signing in with it alone) asks the authenticator to verify the user.
 */
export function authenticationOptions(
  rp: RelyingParty,
  passkeys: StoredPasskey[] | 'discoverable',
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials:
      passkeys === 'discoverable'
        ? []
        : passkeys.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })),
    userVerification: passkeys === 'discoverable' ? 'required' : 'preferred',
  });
}

/** The passkey's new counter when the assertion is its, for this challenge and site; else null. */
export async function verifiedAssertion(
  rp: RelyingParty,
  challenge: string,
  passkey: StoredPasskey,
  response: AuthenticationResponseJSON,
  requireUserVerification = false,
): Promise<number | null> {
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification,
    });
    return verified ? authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
