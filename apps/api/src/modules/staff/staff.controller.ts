import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ErrorCode, Permission, StaffResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiNoContent, ApiPage } from '../../common/openapi/api-responses';
import { CreateStaffDto } from './dto/create-staff.dto';
import { SetStaffPasswordDto } from './dto/set-staff-password.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { STAFF_SORT_FIELDS } from './staff.repository';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('api/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Finds staff members by user name, email or name, status or role' })
  @ApiListQuery({
    filter: '{"q":"text"}: in the user name, email or name; {"status":"active"}, {"roleId":1}, {"id":[1,2]}',
    sort: STAFF_SORT_FIELDS,
  })
  @ApiPage('StaffResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<StaffResponse[]> {
    const query = parseListQuery(raw, STAFF_SORT_FIELDS, 'username');
    const { rows, total } = await this.staff.list(query);
    setContentRange(response, 'staff', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'One staff member' })
  @ApiBody('StaffResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<StaffResponse> {
    return this.staff.get(id);
  }

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Adds a staff member with a password and roles' })
  @ApiCreatedBody('StaffResponse')
  // CONFLICT: the same user name or email added at the same moment (the unique index decides).
  @ApiErrors(
    ErrorCode.UsernameTaken,
    ErrorCode.EmailTaken,
    ErrorCode.Conflict,
    ErrorCode.PasswordRejected,
    ErrorCode.ServiceBusy,
  )
  create(@Body() dto: CreateStaffDto, @Ctx() context: RequestContext): Promise<StaffResponse> {
    return this.staff.create(dto, context);
  }

  @Put(':id')
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({
    summary: "Changes a staff member's email, name, status or roles",
    description: 'The user name never changes. Disabling someone ends their sessions.',
  })
  @ApiBody('StaffResponse')
  // CONFLICT: the same email given to two people at the same moment (the unique index decides).
  @ApiErrors(ErrorCode.EmailTaken, ErrorCode.Conflict, ErrorCode.CannotDisableSelf, ErrorCode.LastAdministrator)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateStaffDto,
    @Ctx() context: RequestContext,
  ): Promise<StaffResponse> {
    return this.staff.update(id, dto, context);
  }

  @Post(':id/password')
  @RequireStepUp()
  @HttpCode(204)
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({
    summary: "Sets a staff member's password",
    description:
      "Ends the person's other sessions (an administrator setting their own keeps this one), lifts a lockout of the name, and tells them.",
  })
  @ApiNoContent()
  @ApiErrors(ErrorCode.PasswordRejected, ErrorCode.ServiceBusy)
  async setPassword(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetStaffPasswordDto,
    @Ctx() context: RequestContext,
    @Req() request: Request,
  ): Promise<void> {
    await this.staff.setPassword(id, dto.password, context, request.staffSession!.idHash);
  }
}
