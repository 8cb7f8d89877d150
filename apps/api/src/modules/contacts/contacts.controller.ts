import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ContactResponse, ErrorCode, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { CONTACT_SORT_FIELDS } from './contact.repository';
import { ContactsService } from './contacts.service';
import { CreateContactDto, UpdateContactDto } from './dto/save-contact.dto';

/** The profile's Contacts tab. */
@ApiTags('contacts')
@Controller('api/clients/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: "The client's contacts" })
  @ApiListQuery({ filter: '{"id":[1,2]}', sort: CONTACT_SORT_FIELDS })
  @ApiPage('ContactResponse')
  async list(
    @Param('id', ParseIntPipe) clientId: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactResponse[]> {
    const query = parseListQuery(raw, CONTACT_SORT_FIELDS, 'id');
    const { rows, total } = await this.contacts.list(clientId, query);
    setContentRange(response, 'contacts', query.offset, rows.length, total);
    return rows;
  }

  @Get(':contactId')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'One contact of the client' })
  @ApiBody('ContactResponse')
  get(
    @Param('id', ParseIntPipe) clientId: number,
    @Param('contactId', ParseIntPipe) contactId: number,
  ): Promise<ContactResponse> {
    return this.contacts.get(clientId, contactId);
  }

  @Post()
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({
    summary: 'Adds a contact to the client',
    description: "Its email must be new among the client's contacts (409 EMAIL_TAKEN).",
  })
  @ApiCreatedBody('ContactResponse')
  // CONFLICT: the same address added twice at the same moment (the unique index decides).
  @ApiErrors(ErrorCode.EmailTaken, ErrorCode.Conflict)
  create(
    @Param('id', ParseIntPipe) clientId: number,
    @Body() dto: CreateContactDto,
    @Ctx() context: RequestContext,
  ): Promise<ContactResponse> {
    return this.contacts.create(clientId, dto, context);
  }

  @Put(':contactId')
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({ summary: 'Changes the fields sent of a contact' })
  @ApiBody('ContactResponse')
  @ApiErrors(ErrorCode.EmailTaken, ErrorCode.Conflict)
  update(
    @Param('id', ParseIntPipe) clientId: number,
    @Param('contactId', ParseIntPipe) contactId: number,
    @Body() dto: UpdateContactDto,
    @Ctx() context: RequestContext,
  ): Promise<ContactResponse> {
    return this.contacts.update(clientId, contactId, dto, context);
  }

  @Delete(':contactId')
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({ summary: 'Deletes a contact; answers the deleted contact, as react-admin expects' })
  @ApiBody('ContactResponse')
  delete(
    @Param('id', ParseIntPipe) clientId: number,
    @Param('contactId', ParseIntPipe) contactId: number,
    @Ctx() context: RequestContext,
  ): Promise<ContactResponse> {
    return this.contacts.delete(clientId, contactId, context);
  }
}
