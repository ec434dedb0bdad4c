import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ReadReplicaModule } from './read-replica';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        // Fail fast at start-up instead of retrying for minutes.
        retryAttempts: 0,
      }),
    }),
    ReadReplicaModule,
  ],
})
export class DatabaseModule {}
