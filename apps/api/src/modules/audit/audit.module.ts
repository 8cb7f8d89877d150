import { Global, Module } from '@nestjs/common';

import { AuditVerifierService } from './audit-verifier.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every module records its changes here, inside its own transaction. */
@Global()
@Module({
  providers: [AuditRepository, AuditService, AuditVerifierService],
  exports: [AuditRepository, AuditService, AuditVerifierService],
})
export class AuditModule {}
