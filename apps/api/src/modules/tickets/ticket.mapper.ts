import { TicketMessageResponse, TicketResponse } from '@keydesk/domain';

import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

export function toTicketResponse(ticket: TicketEntity, companyName: string): TicketResponse {
  return {
    id: ticket.id,
    clientId: ticket.clientId,
    companyName,
    userId: ticket.userId,
    subject: ticket.subject,
    department: ticket.department,
    priority: ticket.priority,
    status: ticket.status,
    assignedStaffId: ticket.assignedStaffId,
    lastReplyAt: ticket.lastReplyAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTicketMessageResponse(message: TicketMessageEntity): TicketMessageResponse {
  return {
    id: message.id,
    ticketId: message.ticketId,
    authorType: message.authorType,
    authorName: message.authorName,
    body: message.body,
    internal: message.internal,
    createdAt: message.createdAt.toISOString(),
  };
}
