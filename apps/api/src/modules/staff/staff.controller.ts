import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Permission, StaffResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
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
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<StaffResponse[]> {
    const query = parseListQuery(raw, STAFF_SORT_FIELDS, 'username');
    const { rows, total } = await this.staff.list(query);
    setContentRange(response, 'staff', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.StaffManage)
  get(@Param('id', ParseIntPipe) id: number): Promise<StaffResponse> {
    return this.staff.get(id);
  }

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  create(@Body() dto: CreateStaffDto, @Ctx() context: RequestContext): Promise<StaffResponse> {
    return this.staff.create(dto, context);
  }

  @Put(':id')
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateStaffDto,
    @Ctx() context: RequestContext,
  ): Promise<StaffResponse> {
    return this.staff.update(id, dto, context);
  }

  /** Ends the person's other sessions; an administrator setting their own keeps this one. */
  @Post(':id/password')
  @RequireStepUp()
  @HttpCode(204)
  @RequirePermission(Permission.StaffManage)
  async setPassword(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetStaffPasswordDto,
    @Ctx() context: RequestContext,
    @Req() request: Request,
  ): Promise<void> {
    await this.staff.setPassword(id, dto.password, context, request.staffSession!.idHash);
  }
}
