import { ActorType } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { AuditActor, SYSTEM_ACTOR } from './audit.service';

/** The staff member behind a request as an audit actor (the system when there is none, e.g. the CLI). */
export function staffActor(context: RequestContext): AuditActor {
  if (!context.staff) return SYSTEM_ACTOR;
  return { type: ActorType.Staff, id: context.staff.id, name: context.staff.displayName };
}
