import { Module } from '@nestjs/common';

import { UserFactorsRepository } from './user-factors.repository';

/**
 * The tables of customers' second factors, for every module that reads or changes them (the
 * users' pages show them, the credentials module removes them, the client area enrols them); it
 * depends on nothing but the database, so any of those may import it.
 */
@Module({ providers: [UserFactorsRepository], exports: [UserFactorsRepository] })
export class CustomerFactorsModule {}
