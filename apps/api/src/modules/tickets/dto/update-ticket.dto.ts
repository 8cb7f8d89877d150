import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

import { TicketDepartment, TicketPriority, TicketStatus } from '@keydesk/domain';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

export class UpdateTicketDto {
  @ApiPropertyOptional({ enum: Object.values(TicketStatus) })
  @OptionalNotNull()
  @IsIn(Object.values(TicketStatus))
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: Object.values(TicketPriority) })
  @OptionalNotNull()
  @IsIn(Object.values(TicketPriority))
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: Object.values(TicketDepartment) })
  @OptionalNotNull()
  @IsIn(Object.values(TicketDepartment))
  department?: TicketDepartment;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'An active staff member; null unassigns.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  assignedStaffId?: number | null;
}
