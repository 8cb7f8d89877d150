import { randomBytes } from 'node:crypto';

import type request from 'supertest';

import type { TicketDepartment, TicketPriority, TicketResponse } from '@keydesk/domain';

let sequence = 0;

export interface TicketInput {
  subject?: string;
  message?: string;
  department?: TicketDepartment;
  priority?: TicketPriority;
  userId?: number | null;
}

/** Opens a ticket for a client through the API with a signed-in staff member that has tickets.reply. */
export async function createTicket(
  agent: request.Agent,
  csrf: string,
  clientId: number,
  input: TicketInput = {},
): Promise<TicketResponse> {
  sequence += 1;
  const response = await agent
    .post('/api/tickets')
    .set('X-CSRF-Token', csrf)
    .send({
      clientId,
      subject: input.subject ?? `Acceso al área de clientes ${sequence}`,
      message: input.message ?? 'El cliente no puede iniciar sesión; se le pidió su RFC.',
      department: input.department ?? 'support',
      priority: input.priority ?? 'medium',
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
    });
  if (response.status !== 201)
    throw new Error(`createTicket failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as TicketResponse;
}

/** A user of the client (for a ticket's userId), through the API; needs users.manage (Agents have it). */
export async function createClientUser(agent: request.Agent, csrf: string, clientId: number): Promise<number> {
  const username = `rosa-${randomBytes(4).toString('hex')}`;
  const response = await agent
    .post(`/api/clients/${clientId}/users`)
    .set('X-CSRF-Token', csrf)
    .send({ email: `${username}@example.test`, firstName: 'Rosa', lastName: 'Méndez', username });
  if (response.status !== 201)
    throw new Error(`createClientUser failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as number;
}
