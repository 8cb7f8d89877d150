import { rfcCheckDigit } from '@keydesk/domain';
import type request from 'supertest';

let sequence = 0;

/** A valid company RFC, different on every call within a run. */
export function uniqueRfc(): string {
  sequence += 1;
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const n = sequence + Math.floor(Math.random() * 1_000_000);
  const initials = [0, 1, 2].map((i) => letters[Math.floor(n / letters.length ** i) % letters.length]).join('');
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const homoclave = (n % 1296).toString(36).toUpperCase().padStart(2, '0');
  const body = `${initials}90${month}${day}${homoclave}`;
  return body + rfcCheckDigit(body);
}

export interface ClientInput {
  clientKey?: string;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  country?: string;
  language?: 'es' | 'en';
}

/** Creates a Mexican client through the API with a signed-in agent that has clients.edit. */
export async function createClient(agent: request.Agent, csrf: string, input: ClientInput = {}) {
  const clientKey = input.clientKey ?? uniqueRfc();
  const response = await agent
    .post('/api/clients')
    .set('X-CSRF-Token', csrf)
    .send({
      clientKey,
      companyName: input.companyName ?? `Comercializadora ${clientKey} S.A. de C.V.`,
      firstName: input.firstName ?? 'Laura',
      lastName: input.lastName ?? 'Gómez',
      email: input.email ?? `contacto-${clientKey.toLowerCase()}@example.test`,
      phone: input.phone ?? '+52 55 5555 0000',
      country: input.country ?? 'MX',
      language: input.language ?? 'es',
    });
  if (response.status !== 201)
    throw new Error(`createClient failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: number; clientKey: string; companyName: string; email: string };
}
