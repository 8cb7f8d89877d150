import { ContactResponse } from '@keydesk/domain';

import { ContactEntity } from './contact.entity';

export function toContactResponse(contact: ContactEntity): ContactResponse {
  return {
    id: contact.id,
    clientId: contact.clientId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    receivesSecurityEmails: contact.receivesSecurityEmails,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
