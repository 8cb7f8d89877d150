import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorCode, NoteResponse, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { CreateNoteDto, UpdateNoteDto } from './dto/save-note.dto';
import { NOTE_SORT_FIELDS } from './note.repository';
import { NotesService } from './notes.service';

/** Newest first unless the caller sorts by id ASC. */
const DEFAULT_SORT = JSON.stringify(['id', 'DESC']);

/** The profile's Notes tab. */
@ApiTags('notes')
@Controller('api/clients/:id/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({
    summary: "The client's notes: sticky ones first, then newest first",
    description: '`editable` says whether the caller wrote each one.',
  })
  @ApiListQuery({ sort: '["id","DESC"] by default; ["id","ASC"] for oldest first (sticky notes stay first)' })
  @ApiPage('NoteResponse')
  async list(
    @Param('id', ParseIntPipe) clientId: number,
    @Query() raw: RawListQuery,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NoteResponse[]> {
    const query = parseListQuery({ ...raw, sort: raw.sort || DEFAULT_SORT }, NOTE_SORT_FIELDS, 'id');
    const { rows, total } = await this.notes.list(clientId, query, context);
    setContentRange(response, 'notes', query.offset, rows.length, total);
    return rows;
  }

  @Get(':noteId')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'One note of the client' })
  @ApiBody('NoteResponse')
  get(
    @Param('id', ParseIntPipe) clientId: number,
    @Param('noteId', ParseIntPipe) noteId: number,
    @Ctx() context: RequestContext,
  ): Promise<NoteResponse> {
    return this.notes.get(clientId, noteId, context);
  }

  @Post()
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({ summary: 'Adds a note to the client, signed by the caller' })
  @ApiCreatedBody('NoteResponse')
  create(
    @Param('id', ParseIntPipe) clientId: number,
    @Body() dto: CreateNoteDto,
    @Ctx() context: RequestContext,
  ): Promise<NoteResponse> {
    return this.notes.create(clientId, dto, context);
  }

  @Put(':noteId')
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({
    summary: 'Changes a note or pins it',
    description: 'Changing the body is for the author only (403 NOT_YOUR_NOTE); pinning is for anyone here.',
  })
  @ApiBody('NoteResponse')
  @ApiErrors(ErrorCode.NotYourNote)
  update(
    @Param('id', ParseIntPipe) clientId: number,
    @Param('noteId', ParseIntPipe) noteId: number,
    @Body() dto: UpdateNoteDto,
    @Ctx() context: RequestContext,
  ): Promise<NoteResponse> {
    return this.notes.update(clientId, noteId, dto, context);
  }
}
