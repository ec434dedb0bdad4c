import { DynamicModule, Module } from '@nestjs/common';
import { AppPortsModule } from './app-ports.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { CalendarsModule } from './calendars/calendars.module';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { CatalogModule } from './catalog/catalog.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { ClockModule } from './clock/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ENTITIES } from './entities';
import { DemoHistoryModule } from './demo-history/demo-history.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { ImapModule } from './mail/imap/imap.module';
import { MailModule } from './mail/mail.module';
import { ObservabilityModule } from './observability/observability.module';
import { OfficesModule } from './offices/offices.module';
import { OpdsModule } from './opds/opds.module';
import { OutboxAdminModule } from './mail/outbox-admin/outbox-admin.module';
import { OutboxModule } from './outbox/outbox.module';
import { PortalModule } from './portal/portal.module';
import { PublicModule } from './public/public.module';
import { ReportsModule } from './reports/reports.module';
import { SetupModule } from './setup/setup.module';
import { SlaModule } from './sla/sla.module';
import { StartupService } from './startup.service';
import { SurveyModule } from './survey/survey.module';
import { TicketsModule } from './tickets/tickets.module';

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
        AppPortsModule,
        OpdsModule,
        TicketsModule,
        DashboardsModule,
        ReportsModule,
        AttachmentsModule,
        CannedResponsesModule,
        MailModule,
        ImapModule,
        OutboxAdminModule,
        PortalModule,
        SurveyModule,
        ComplaintsModule,
        PublicModule,
        SetupModule,
        DemoHistoryModule,
      ],
      providers: [StartupService],
    };
  }
}
