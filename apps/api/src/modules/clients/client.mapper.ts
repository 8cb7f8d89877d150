import { ClientResponse } from '@keydesk/domain';

import { ClientEntity } from './client.entity';

export function toClientResponse(client: ClientEntity): ClientResponse {
  return {
    id: client.id,
    clientKey: client.clientKey,
    companyName: client.companyName,
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email,
    phone: client.phone,
    country: client.country,
    language: client.language,
    status: client.status,
    requireTwoFactor: client.requireTwoFactor,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}
