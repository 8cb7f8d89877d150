import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { ClientsModule } from '../clients/clients.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { CustomerFactorsModule } from '../customer-two-factor/customer-factors.module';
import { ClientUserRepository } from './client-user.repository';
import { ClientUsersController } from './client-users.controller';
import { ClientUsersService } from './client-users.service';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AssuranceModule, ClientsModule, CredentialsModule, CustomerFactorsModule],
  controllers: [ClientUsersController, UsersController],
  providers: [UserRepository, ClientUserRepository, ClientUsersService, UsersService],
  exports: [UserRepository, ClientUserRepository],
})
export class UsersModule {}
