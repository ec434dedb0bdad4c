import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  IT_SERVICE_KINDS,
  SUPPORT_HOURS,
  type IncidentLevel,
  type ItServiceKind,
  type ItServiceView,
  type PositionView,
  type PriorityMatrixView,
  type SupportHours,
} from '@sigap/contracts';
import { PositionsApi } from '../admin/positions.api';
import { AuthService } from '../auth/auth.service';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { EditButtonComponent, FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { EditForm } from '../shared/edit-form';
import { loadInto, officeChoice, upsertById } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
import { ItServicesApi } from './it-services.api';

type Fields = Partial<
  Record<'code' | 'name' | 'kind' | 'ownerPosition' | 'criticality' | 'supportHours', string>
>;

/**
 * `/admin/layanan-ti`: the IT services an office runs (website, e-mail, network, data centre,
 * hosting, applications), with their owner, criticality and support hours, and the office's
 * incident priority matrix. The office's staff read it; admins and its managers edit and retire.
 */
@Component({
  selector: 'sg-it-services-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditButtonComponent,
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  templateUrl: './it-services.page.html',
  styleUrl: '../admin/admin.scss',
})
export class ItServicesPage {
  private readonly api = inject(ItServicesApi);
  private readonly positionsApi = inject(PositionsApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly kinds = IT_SERVICE_KINDS;
  protected readonly levels = INCIDENT_LEVELS;
  protected readonly hours = SUPPORT_HOURS;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly canEdit = computed(() => this.auth.isAdmin() || this.auth.hasRole('manager'));
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly services = signal<ItServiceView[]>([]);
  protected readonly positions = signal<PositionView[]>([]);
  protected readonly matrix = signal<PriorityMatrixView | null>(null);
  protected readonly loading = signal(false);
  protected showRetired = false;

  private readonly form = new EditForm<Fields>();
  protected readonly editing = this.form.editing;
  protected readonly errors = this.form.errors;
  protected readonly formError = this.form.formError;
  protected readonly saving = this.form.saving;
  protected code = '';
  protected name = '';
  protected description = '';
  /** The API's limits of a service's texts, shown as counters. */
  protected readonly limit = FIELD_LIMITS.itService;
  protected readonly count = lengthCount;
  protected kind: ItServiceKind = 'application';
  protected ownerPosition = '';
  protected criticality: IncidentLevel = 'sedang';
  protected supportHours: SupportHours = 'office';
  protected publicStatus = false;

  /** Office positions a service can be owned by (not the requester's side). */
  protected readonly owners = computed(() => this.positions().filter((p) => !p.requesterSide));

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected positionName(code: string): string {
    return this.positions().find((p) => p.code === code)?.name ?? code;
  }

  private load(office: string): void {
    loadInto(
      this.api.list(office, this.showRetired),
      (list) => this.services.set(list),
      this.loading,
      this.notifier,
    );
    this.positionsApi.list(office).subscribe({
      next: (list) => this.positions.set(list),
      error: (e: unknown) => this.notifier.show(e),
    });
    this.api.matrix(office).subscribe({
      next: (m) => this.matrix.set(m),
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected toggleRetired(): void {
    this.showRetired = !this.showRetired;
    this.load(this.office());
  }

  protected startCreate(): void {
    this.code = '';
    this.name = '';
    this.description = '';
    this.kind = 'application';
    this.ownerPosition = '';
    this.criticality = 'sedang';
    this.supportHours = 'office';
    this.publicStatus = false;
    this.form.open('');
  }

  protected startEdit(s: ItServiceView): void {
    this.code = s.code;
    this.name = s.name;
    this.description = s.description ?? '';
    this.kind = s.kind;
    this.ownerPosition = s.ownerPosition;
    this.criticality = s.criticality;
    this.supportHours = s.supportHours;
    this.publicStatus = s.publicStatus;
    this.form.open(s.id);
  }

  protected cancel(): void {
    this.form.close();
  }

  protected save(): void {
    const id = this.editing();
    if (id === null) return;
    const fields = {
      name: this.name.trim(),
      description: this.description.trim() || null,
      kind: this.kind,
      ownerPosition: this.ownerPosition,
      criticality: this.criticality,
      supportHours: this.supportHours,
      publicStatus: this.publicStatus,
    };
    const request =
      id === ''
        ? this.api.create({ ...fields, office: this.office(), code: this.code.trim() })
        : this.api.update(id, fields);
    this.form.submit(request, (saved) => this.services.update((list) => upsertById(list, saved)));
  }

  protected retire(s: ItServiceView): void {
    this.api.retire(s.id).subscribe({
      next: (saved) =>
        this.services.update((list) =>
          this.showRetired ? upsertById(list, saved) : list.filter((x) => x.id !== saved.id),
        ),
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  /** The matrix as a 3x3 grid: rows are impact, columns urgency. */
  protected cell(impact: IncidentLevel, urgency: IncidentLevel): string {
    return (
      this.matrix()?.cells.find((c) => c.impact === impact && c.urgency === urgency)?.priority ?? ''
    );
  }
}
