import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ProjectionsConfig } from '../config.js';
import { LOGGER, PROJECTIONS_CONFIG, ProjectionsService } from './projections.service.js';

/** The projections process: no HTTP, just the service keeping the read models current. */
@Module({})
export class ProjectionsModule {
  static forRoot(config: ProjectionsConfig, logger: Logger): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: PROJECTIONS_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        ProjectionsService,
      ],
    };
  }
}
