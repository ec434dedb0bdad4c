import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@sigap/api-config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { Dialect, dialectOf } from './dialect';
import { ReadReplicaModule } from './read-replica';
import { serialiseSqlite } from './sqlite-serial';

/**
 * The connection, and the `Dialect` every module may inject to write portable SQL. The entity
 * list is the application's, handed in so this module knows no feature.
 */
@Global()
@Module({})
export class DatabaseModule {
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
      providers: [{ provide: Dialect, inject: [DataSource], useFactory: dialectOf }],
      exports: [Dialect],
    };
  }
}
