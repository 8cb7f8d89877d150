import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  ActivityEntryResponse,
  ClientResponse,
  ClientStatus,
  ClientSummaryResponse,
  ErrorCode,
  isValidClientKey,
  normalizeRfc,
  SubjectType,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText, ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { toActivityEntryResponse } from '../audit/activity-entry.mapper';
import { staffActor } from '../audit/audit-actors';
import { AuditRepository } from '../audit/audit.repository';
import { AuditActor, AuditService } from '../audit/audit.service';
import { toNoteResponse } from '../notes/note.mapper';
import { toTicketResponse } from '../tickets/ticket.mapper';
import { toClientUserResponse } from '../users/client-user.mapper';
import { ClientSearchIndex } from './client-search-index';
import { ClientSummaryRepository } from './client-summary.repository';
import { ClientEntity } from './client.entity';
import { toClientResponse } from './client.mapper';
import { ClientRepository, ClientSortField } from './client.repository';
import { CreateClientDto, UpdateClientDto } from './dto/save-client.dto';
import { queryPhrase, queryWords } from './search-words';

const LATEST_ACTIVITY = 10;

@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientRepository,
    private readonly summaries: ClientSummaryRepository,
    private readonly searchIndex: ClientSearchIndex,
    private readonly auditEntries: AuditRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: ListQuery<ClientSortField>): Promise<{ rows: ClientResponse[]; total: number; capped: boolean }> {
    const { rows, total, capped } = await this.clients.search({
      ...query,
      words: queryWords(filterText(query.filter, 'q') ?? ''),
      phrase: queryPhrase(filterText(query.filter, 'q') ?? ''),
      ids: filterIds(query.filter),
      status: filterText(query.filter, 'status'),
    });
    return { rows: rows.map(toClientResponse), total, capped };
  }

  async get(id: number): Promise<ClientResponse> {
    return toClientResponse(await this.require(id));
  }

  async create(dto: CreateClientDto, context: RequestContext): Promise<ClientResponse> {
    const client = Object.assign(new ClientEntity(), {
      ...dto,
      clientKey: normalizeRfc(dto.clientKey),
      email: dto.email.trim().toLowerCase(),
      phone: dto.phone?.trim() ?? '',
      language: dto.language ?? 'es',
      status: dto.status ?? ClientStatus.Active,
    });
    await this.assertKeyUsable(client.clientKey, client.country);
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.clients.save(manager, client);
      await this.searchIndex.reindex(manager, row.id);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ClientCreated,
        clientId: row.id,
        subject: { type: SubjectType.Client, id: row.id, name: row.companyName },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { clientKey: row.clientKey },
      });
      return row;
    });
    return toClientResponse(saved);
  }

  async update(id: number, dto: UpdateClientDto, context: RequestContext): Promise<ClientResponse> {
    const client = await this.require(id);
    const before = toClientResponse(client);
    // Only the fields sent: the DTO carries every other one as undefined, which is no change.
    const given = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as UpdateClientDto;
    Object.assign(client, given);
    if (dto.clientKey !== undefined) client.clientKey = normalizeRfc(dto.clientKey);
    if (dto.email !== undefined) client.email = dto.email.trim().toLowerCase();
    if (dto.clientKey !== undefined || dto.country !== undefined)
      await this.assertKeyUsable(client.clientKey, client.country, id);
    const after = toClientResponse(client);
    const changes = Object.fromEntries(
      (Object.keys(given) as Array<keyof ClientResponse>)
        .filter((field) => before[field] !== after[field])
        .map((field) => [field, { from: before[field], to: after[field] }]),
    );
    if (Object.keys(changes).length === 0) return before;
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.clients.save(manager, client);
      await this.searchIndex.reindex(manager, id);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ClientUpdated,
        clientId: id,
        subject: { type: SubjectType.Client, id, name: row.companyName },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { changes },
      });
      return row;
    });
    return toClientResponse(saved);
  }

  /**
   * Requires (or stops requiring) a second factor of every user of the client; those without one
   * enrol right after their next sign-in. Staff with users.manage, or the client's owner in the
   * client area (`actor` names them then).
   */
  async setTwoFactorRequirement(
    id: number,
    required: boolean,
    context: RequestContext,
    actor: AuditActor = staffActor(context),
  ): Promise<ClientResponse> {
    const client = await this.require(id);
    if (client.requireTwoFactor === required) return toClientResponse(client);
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.clients.save(manager, Object.assign(client, { requireTwoFactor: required }));
      await this.audit.record(manager, {
        actor,
        action: ActivityAction.ClientUpdated,
        clientId: id,
        subject: { type: SubjectType.Client, id, name: row.companyName },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { changes: { requireTwoFactor: { from: !required, to: required } } },
      });
      return row;
    });
    return toClientResponse(saved);
  }

  /** The clients a user owns, with whether each requires a second factor (the client area's Security page). */
  async ownedBy(userId: number): Promise<Array<{ clientId: number; companyName: string; required: boolean }>> {
    const clients = await this.clients.ownedBy(userId);
    return clients.map((c) => ({ clientId: c.id, companyName: c.companyName, required: c.requireTwoFactor }));
  }

  async summary(id: number, context: RequestContext): Promise<ClientSummaryResponse> {
    const client = await this.require(id);
    const [owner, contacts, tickets, notes, [activity]] = await Promise.all([
      this.summaries.owner(id),
      this.summaries.securityContacts(id),
      this.summaries.openTickets(id),
      this.summaries.stickyNotes(id),
      this.auditEntries.pageForClient(id, 0, LATEST_ACTIVITY),
    ]);
    return {
      client: toClientResponse(client),
      owner: owner ? toClientUserResponse(owner) : null,
      registeredAddresses: [...new Set([client.email, ...contacts.map((c) => c.email.toLowerCase())])],
      openTickets: tickets.map((ticket) => toTicketResponse(ticket, client.companyName)),
      stickyNotes: notes.map((note) => toNoteResponse(note, context.staff?.id ?? null)),
      latestActivity: activity.map(toActivityEntryResponse),
    };
  }

  async activity(id: number, offset: number, limit: number): Promise<{ rows: ActivityEntryResponse[]; total: number }> {
    await this.require(id);
    const [rows, total] = await this.auditEntries.pageForClient(id, offset, limit);
    return { rows: rows.map(toActivityEntryResponse), total };
  }

  /** For other modules: the client or a 404 in the API's terms. */
  async require(id: number): Promise<ClientEntity> {
    const client = await this.clients.findById(id);
    if (!client) throw new DomainError(ErrorCode.NotFound, { resource: 'client' });
    return client;
  }

  private async assertKeyUsable(clientKey: string, country: string, exceptId?: number): Promise<void> {
    if (!isValidClientKey(clientKey, country)) {
      throw new DomainError(ErrorCode.ClientKeyInvalid, {}, { clientKey: { key: 'errors.CLIENT_KEY_INVALID' } });
    }
    if (await this.clients.existsByKey(clientKey, exceptId)) {
      throw new DomainError(
        ErrorCode.ClientKeyTaken,
        { clientKey },
        {
          clientKey: { key: 'errors.CLIENT_KEY_TAKEN', params: { clientKey } },
        },
      );
    }
  }
}
