import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, ContactResponse, ErrorCode, SubjectType } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientSearchIndex } from '../clients/client-search-index';
import { ClientsService } from '../clients/clients.service';
import { ContactEntity } from './contact.entity';
import { toContactResponse } from './contact.mapper';
import { ContactRepository, ContactSortField } from './contact.repository';
import { CreateContactDto, UpdateContactDto } from './dto/save-contact.dto';

/**
 * A client's contacts. Their names and emails are search words of the client, and those that
 * receive security emails are registered addresses: every change reindexes the client and is
 * recorded in its Log, in the same transaction.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly clients: ClientsService,
    private readonly contacts: ContactRepository,
    private readonly searchIndex: ClientSearchIndex,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(
    clientId: number,
    query: ListQuery<ContactSortField>,
  ): Promise<{ rows: ContactResponse[]; total: number }> {
    await this.clients.require(clientId);
    const [rows, total] = await this.contacts.pageOfClient(clientId, { ...query, ids: filterIds(query.filter) });
    return { rows: rows.map(toContactResponse), total };
  }

  async get(clientId: number, contactId: number): Promise<ContactResponse> {
    return toContactResponse(await this.require(clientId, contactId));
  }

  async create(clientId: number, dto: CreateContactDto, context: RequestContext): Promise<ContactResponse> {
    await this.clients.require(clientId);
    const contact = Object.assign(new ContactEntity(), {
      clientId,
      firstName: dto.firstName,
      lastName: dto.lastName,
      email: dto.email.toLowerCase(),
      receivesSecurityEmails: dto.receivesSecurityEmails,
    });
    await this.assertEmailFree(clientId, contact.email);
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.contacts.save(manager, contact);
      await this.record(manager, ActivityAction.ContactCreated, row, context, {
        email: row.email,
        receivesSecurityEmails: row.receivesSecurityEmails,
      });
      return row;
    });
    return toContactResponse(saved);
  }

  async update(
    clientId: number,
    contactId: number,
    dto: UpdateContactDto,
    context: RequestContext,
  ): Promise<ContactResponse> {
    const contact = await this.require(clientId, contactId);
    const before = toContactResponse(contact);
    // Field by field: a DTO's class fields exist (as undefined) even when the request left them out.
    if (dto.firstName !== undefined) contact.firstName = dto.firstName;
    if (dto.lastName !== undefined) contact.lastName = dto.lastName;
    if (dto.email !== undefined) contact.email = dto.email.toLowerCase();
    if (dto.receivesSecurityEmails !== undefined) contact.receivesSecurityEmails = dto.receivesSecurityEmails;
    const after = toContactResponse(contact);
    const changes = Object.fromEntries(
      (['firstName', 'lastName', 'email', 'receivesSecurityEmails'] as const)
        .filter((field) => before[field] !== after[field])
        .map((field) => [field, { from: before[field], to: after[field] }]),
    );
    if (Object.keys(changes).length === 0) return before;
    if (changes.email) await this.assertEmailFree(clientId, contact.email, contactId);
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.contacts.save(manager, contact);
      await this.record(manager, ActivityAction.ContactUpdated, row, context, { changes });
      return row;
    });
    return toContactResponse(saved);
  }

  /** Answers the deleted contact, as react-admin's delete expects. */
  async delete(clientId: number, contactId: number, context: RequestContext): Promise<ContactResponse> {
    const contact = await this.require(clientId, contactId);
    const response = toContactResponse(contact);
    await this.transactions.run(async (manager) => {
      await this.contacts.delete(manager, contactId);
      await this.record(manager, ActivityAction.ContactDeleted, contact, context, {
        email: contact.email,
        receivesSecurityEmails: contact.receivesSecurityEmails,
      });
    });
    return response;
  }

  private async record(
    manager: EntityManager,
    action: ActivityAction,
    contact: ContactEntity,
    context: RequestContext,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.searchIndex.reindex(manager, contact.clientId);
    await this.audit.record(manager, {
      actor: staffActor(context),
      action,
      clientId: contact.clientId,
      subject: { type: SubjectType.Contact, id: contact.id, name: `${contact.firstName} ${contact.lastName}` },
      ip: context.ip,
      userAgent: context.userAgent,
      details,
    });
  }

  private async require(clientId: number, contactId: number): Promise<ContactEntity> {
    await this.clients.require(clientId);
    const contact = await this.contacts.findOfClient(clientId, contactId);
    if (!contact) throw new DomainError(ErrorCode.NotFound, { resource: 'contact' });
    return contact;
  }

  /** Two contacts of one client with the same address would only make the Summary ambiguous. */
  private async assertEmailFree(clientId: number, email: string, exceptId?: number): Promise<void> {
    if (await this.contacts.existsByEmail(clientId, email, exceptId)) {
      throw new DomainError(
        ErrorCode.EmailTaken,
        { email },
        { email: { key: 'errors.EMAIL_TAKEN', params: { email } } },
      );
    }
  }
}
