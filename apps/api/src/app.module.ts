import { DynamicModule, Module } from '@nestjs/common';
import { AppPortsModule } from './app-ports.module';
import { AttachmentsModule } from '@sigap/api-attachments';
import { AuditModule } from '@sigap/api-audit';
import { CalendarsModule } from '@sigap/api-calendars';
import { CannedResponsesModule } from '@sigap/api-canned-responses';
import { CatalogModule } from '@sigap/api-catalog';
import { ComplaintsModule } from '@sigap/api-complaints';
import { ClockModule } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { ConfigModule } from '@sigap/api-config';
import { ENTITIES } from './entities';
import { DemoHistoryModule } from '@sigap/api-demo-history';
import { DashboardsModule } from '@sigap/api-dashboards';
import { DatabaseModule } from '@sigap/api-database';
import { HealthModule } from '@sigap/api-health';
import { IdentityModule } from '@sigap/api-identity';
import { ChangesModule } from '@sigap/api-changes';
import { IncidentsModule } from '@sigap/api-incidents';
import { ItServicesModule } from '@sigap/api-it-services';
import { ImapModule } from '@sigap/api-mail';
import { MailModule } from '@sigap/api-mail';
import { ObservabilityModule } from '@sigap/api-observability';
import { OfficesModule } from '@sigap/api-offices';
import { OpdsModule } from '@sigap/api-opds';
import { OutboxAdminModule } from '@sigap/api-mail';
import { OutboxModule } from '@sigap/api-outbox';
import { WebhooksModule } from '@sigap/api-webhooks';
import { PortalModule } from '@sigap/api-portal';
import { PublicModule } from '@sigap/api-public';
import { ReportsModule } from '@sigap/api-reports';
import { ReviewsModule } from '@sigap/api-reviews';
import { SetupModule } from '@sigap/api-setup';
import { SlaModule } from '@sigap/api-sla';
import { StartupService } from './startup.service';
import { SurveyModule } from '@sigap/api-survey';
import { TicketsModule } from '@sigap/api-tickets';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES),
        ObservabilityModule,
        AuditModule,
        HealthModule,
        OfficesModule,
        IdentityModule,
        CatalogModule,
        CalendarsModule,
        SlaModule,
        ClockModule,
        OutboxModule,
        WebhooksModule,
        AppPortsModule,
        OpdsModule,
        TicketsModule,
        DashboardsModule,
        ReportsModule,
        ReviewsModule,
        AttachmentsModule,
        CannedResponsesModule,
        MailModule,
        ImapModule,
        OutboxAdminModule,
        PortalModule,
        SurveyModule,
        ComplaintsModule,
        ItServicesModule,
        IncidentsModule,
        ChangesModule,
        PublicModule,
        SetupModule,
        DemoHistoryModule,
      ],
      providers: [StartupService],
    };
  }
}
