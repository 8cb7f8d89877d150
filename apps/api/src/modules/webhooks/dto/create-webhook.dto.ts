import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUrl, MaxLength } from 'class-validator';

import { ALL_WEBHOOK_EVENTS, WebhookEvent } from '@keydesk/domain';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://crm.example.com/hooks/keydesk',
    description: 'https (http too unless NODE_ENV=production)',
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  @ApiProperty({ enum: ALL_WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_WEBHOOK_EVENTS.length)
  @IsIn(ALL_WEBHOOK_EVENTS, { each: true })
  events!: WebhookEvent[];
}
