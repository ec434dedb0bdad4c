/**
 * Stand-alone data source for the TypeORM CLI (`nx run api:migrate`, `api:migrate:revert`).
 * Reads the same configuration as the application.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromProcess } from '@sigap/api-config';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from './entities';

export default new DataSource(dataSourceOptions(loadConfigFromProcess(), ENTITIES));
