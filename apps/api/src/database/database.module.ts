import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ReadReplicaModule } from './read-replica';
import { serialiseSqlite } from './sqlite-serial';

@Module({})
export class DatabaseModule {
  /** The entity list is the application's, handed in so this module knows no feature. */
  static forRoot(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, entities),
            // Fail fast at start-up instead of retrying for minutes.
            retryAttempts: 0,
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            return serialiseSqlite(await new DataSource(options).initialize());
          },
        }),
        ReadReplicaModule,
      ],
    };
  }
}
