import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ALL_CLIENT_USER_PERMISSIONS,
  ClientUserPermission,
  ClientUserResponse,
  ErrorCode,
  SubjectType,
  UserStatus,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { ClientSearchIndex } from '../clients/client-search-index';
import { ClientEntity } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';
import { UserFactorsRepository } from '../customer-two-factor/user-factors.repository';
import { toClientUserResponse } from './client-user.mapper';
import { ClientUserPage, ClientUserRepository, MembershipWithUser } from './client-user.repository';
import { CreateClientUserDto } from './dto/create-client-user.dto';
import { UpdateClientUserDto } from './dto/update-client-user.dto';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

type MembershipFields = Partial<Pick<ClientUserResponse, 'username' | 'owner' | 'permissions'>>;

/**
 * A client's Users tab. Every change locks the client first (see ClientUserRepository.lockClient),
 * so a client with users always has exactly one owner and its user names stay unique.
 */
@Injectable()
export class ClientUsersService {
  constructor(
    private readonly memberships: ClientUserRepository,
    private readonly users: UserRepository,
    private readonly clients: ClientsService,
    private readonly searchIndex: ClientSearchIndex,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly factors: UserFactorsRepository,
  ) {}

  async list(clientId: number, page: ClientUserPage): Promise<{ rows: ClientUserResponse[]; total: number }> {
    const [rows, total] = await this.memberships.pageForClient(clientId, page);
    // Memberships prove their client exists: only an empty page costs the statement that tells 404 from none.
    if (rows.length === 0) await this.clients.require(clientId);
    const factors = await this.factors.detailsOf(rows.map((row) => row.userId));
    return {
      rows: rows.map((row) => ({ ...toClientUserResponse(row), twoFactorMethods: factors.get(row.userId)!.methods })),
      total,
    };
  }

  /** Associates the user with this email, creating it first when nobody has it. */
  async associate(clientId: number, dto: CreateClientUserDto, context: RequestContext): Promise<ClientUserResponse> {
    const email = dto.email.trim().toLowerCase();
    const username = dto.username.toLowerCase();
    const permissions = inCatalogueOrder(dto.permissions ?? ALL_CLIENT_USER_PERMISSIONS);
    const userId = await this.transactions.run(async (manager) => {
      const client = await this.requireClient(manager, clientId);
      const existing = await this.users.findByEmail(email, manager);
      if (existing && (await this.memberships.find(clientId, existing.id, manager)))
        throw new DomainError(ErrorCode.AlreadyAssociated);
      if (await this.memberships.usernameTaken(manager, clientId, username)) throw usernameTaken(username);
      const user = existing ?? (await this.users.insert(manager, newUser(email, dto.firstName, dto.lastName)));
      if (!existing) {
        await this.audit.record(
          manager,
          this.entry(context, ActivityAction.UserCreated, clientId, user, {
            email,
            firstName: user.firstName,
            lastName: user.lastName,
          }),
        );
      }
      const previousOwner = await this.memberships.findOwner(manager, clientId);
      const owner = dto.owner === true || !previousOwner;
      if (owner && previousOwner)
        await this.memberships.update(manager, clientId, previousOwner.userId, { owner: false });
      await this.memberships.insert(manager, { clientId, userId: user.id, username, owner, permissions });
      await this.searchIndex.reindex(manager, clientId);
      await this.audit.record(
        manager,
        this.entry(context, ActivityAction.UserAssociated, clientId, user, {
          email,
          username,
          owner,
          permissions,
        }),
      );
      if (owner) await this.recordOwnerChange(manager, context, client, previousOwner?.user ?? null, user);
      return user.id;
    });
    return this.row(clientId, userId);
  }

  async update(
    clientId: number,
    userId: number,
    dto: UpdateClientUserDto,
    context: RequestContext,
  ): Promise<ClientUserResponse> {
    await this.transactions.run(async (manager) => {
      const client = await this.requireClient(manager, clientId);
      const membership = await this.requireMembership(manager, clientId, userId);
      if (dto.owner === false && membership.owner) throw new DomainError(ErrorCode.OwnerRequired);
      const before = toClientUserResponse(membership);
      const changes: MembershipFields = {};
      const username = dto.username?.toLowerCase();
      if (username !== undefined && username !== before.username) {
        if (await this.memberships.usernameTaken(manager, clientId, username, userId)) throw usernameTaken(username);
        changes.username = username;
      }
      const permissions = dto.permissions && inCatalogueOrder(dto.permissions);
      if (permissions && permissions.join() !== before.permissions.join()) changes.permissions = permissions;
      const previousOwner =
        dto.owner === true && !membership.owner ? await this.memberships.findOwner(manager, clientId) : null;
      if (dto.owner === true && !membership.owner) changes.owner = true;
      if (Object.keys(changes).length === 0) return;
      if (previousOwner) await this.memberships.update(manager, clientId, previousOwner.userId, { owner: false });
      await this.memberships.update(manager, clientId, userId, changes);
      const fields = Object.keys(changes) as Array<keyof MembershipFields>;
      await this.audit.record(
        manager,
        this.entry(context, ActivityAction.UserAssociationUpdated, clientId, membership.user, {
          before: Object.fromEntries(fields.map((field) => [field, before[field]])),
          after: changes,
        }),
      );
      if (changes.owner)
        await this.recordOwnerChange(manager, context, client, previousOwner?.user ?? null, membership.user);
    });
    return this.row(clientId, userId);
  }

  /**
   * Removes the user from this client only. The user itself is never deleted, not even when no
   * client is left: its sign-ins, tickets and audit entries keep pointing at it, and it can be
   * associated again later.
   */
  async dissociate(
    clientId: number,
    userId: number,
    newOwnerId: number | undefined,
    context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.transactions.run(async (manager) => {
      const client = await this.requireClient(manager, clientId);
      const membership = await this.requireMembership(manager, clientId, userId);
      let newOwner: MembershipWithUser | null = null;
      // The owner leaves only by naming a successor, unless nobody else is left to name.
      const lastMember = (await this.memberships.countMembers(manager, clientId)) === 1;
      if (membership.owner && !lastMember) {
        if (newOwnerId === undefined) throw new DomainError(ErrorCode.OwnerRequired);
        newOwner = newOwnerId === userId ? null : await this.memberships.find(clientId, newOwnerId, manager);
        if (!newOwner)
          throw new DomainError(ErrorCode.ValidationFailed, {}, { newOwnerId: { key: 'validation.invalid' } });
        await this.memberships.update(manager, clientId, newOwner.userId, { owner: true });
      }
      await this.memberships.delete(manager, clientId, userId);
      await this.searchIndex.reindex(manager, clientId);
      await this.audit.record(
        manager,
        this.entry(context, ActivityAction.UserDissociated, clientId, membership.user, {
          email: membership.user.email,
          username: membership.username,
          owner: membership.owner,
        }),
      );
      if (newOwner) await this.recordOwnerChange(manager, context, client, membership.user, newOwner.user);
      return toClientUserResponse(membership);
    });
  }

  private async row(clientId: number, userId: number): Promise<ClientUserResponse> {
    const membership = await this.memberships.find(clientId, userId);
    if (!membership) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return toClientUserResponse(membership);
  }

  private async requireClient(manager: EntityManager, clientId: number): Promise<ClientEntity> {
    const client = await this.memberships.lockClient(manager, clientId);
    if (!client) throw new DomainError(ErrorCode.NotFound, { resource: 'client' });
    return client;
  }

  private async requireMembership(
    manager: EntityManager,
    clientId: number,
    userId: number,
  ): Promise<MembershipWithUser> {
    const membership = await this.memberships.find(clientId, userId, manager);
    if (!membership) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return membership;
  }

  private async recordOwnerChange(
    manager: EntityManager,
    context: RequestContext,
    client: ClientEntity,
    from: UserEntity | null,
    to: UserEntity,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: staffActor(context),
      action: ActivityAction.ClientOwnerChanged,
      clientId: client.id,
      subject: { type: SubjectType.Client, id: client.id, name: client.companyName },
      ip: context.ip,
      userAgent: context.userAgent,
      details: { from: from && { id: from.id, email: from.email }, to: { id: to.id, email: to.email } },
    });
  }

  private entry(
    context: RequestContext,
    action: ActivityAction,
    clientId: number,
    user: UserEntity,
    details: Record<string, unknown>,
  ): AuditRecord {
    return {
      actor: staffActor(context),
      action,
      clientId,
      ip: context.ip,
      userAgent: context.userAgent,
      details,
      subject: { type: SubjectType.User, id: user.id, name: `${user.firstName} ${user.lastName}` },
    };
  }
}

function newUser(email: string, firstName: string, lastName: string): UserEntity {
  return Object.assign(new UserEntity(), {
    email,
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    passwordHash: null,
    status: UserStatus.Active,
    lastLoginAt: null,
    lastLoginIp: null,
    mustChangePassword: false,
    passwordChangedAt: null,
    passwordExpiresAt: null,
    emailChangedAt: null,
    emailChangedBy: null,
    emailHoldLiftedAt: null,
    lockedAt: null,
    lockReason: null,
  });
}

function inCatalogueOrder(permissions: readonly ClientUserPermission[]): ClientUserPermission[] {
  return ALL_CLIENT_USER_PERMISSIONS.filter((permission) => permissions.includes(permission));
}

function usernameTaken(username: string): DomainError {
  return new DomainError(
    ErrorCode.ClientUsernameTaken,
    { username },
    {
      username: { key: 'errors.CLIENT_USERNAME_TAKEN', params: { username } },
    },
  );
}
