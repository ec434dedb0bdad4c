import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { FIELD_LIMITS, ROLES, type Role, type UserView } from '@sigap/contracts';
import type { PositionDefinition } from '@sigap/standards';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { EditButtonComponent, FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { officeChoice, upsertById } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { EditForm } from '../shared/edit-form';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
import { AdminApi, type CreateUserInput, type UpdateUserInput } from './admin.api';

interface UserForm {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  positions: string[];
  active: boolean;
  locale: 'id' | 'en';
}

const emptyForm = (): UserForm => ({
  email: '',
  name: '',
  password: '',
  roles: ['agent'],
  positions: [],
  active: true,
  locale: 'id',
});

/**
 * `/admin/pengguna`: an office's users and who holds which position. Admins create users and
 * change their roles, positions and status; managers (Kepala Dinas) read their own office.
 */
@Component({
  selector: 'sg-users-page',
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
  templateUrl: './users.page.html',
  styleUrl: './admin.scss',
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);

  protected readonly roles = ROLES;
  /** The API's limits, shown as counters. */
  protected readonly limit = FIELD_LIMITS.user;
  protected readonly count = lengthCount;
  protected readonly canEdit = this.auth.isAdmin;
  /** Admins choose the office; a manager always sees their own. */
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly users = signal<UserView[]>([]);
  protected readonly positions = signal<PositionDefinition[]>([]);
  protected readonly loading = signal(false);
  protected readonly failed = signal<string | null>(null);

  /** The form: closed, on a new user ('') or on one being edited (their id). */
  private readonly edit = new EditForm();
  protected readonly editing = this.edit.editing;
  protected readonly errors = this.edit.errors;
  protected readonly formError = this.edit.formError;
  protected readonly saving = this.edit.saving;
  protected form: UserForm = emptyForm();

  /** Office positions (the requester's side excluded) with the users holding each. */
  protected readonly holders = computed(() =>
    this.positions()
      .filter((p) => !p.requesterSide)
      .map((p) => ({
        position: p,
        users: this.users().filter((u) => u.positions.includes(p.code)),
      })),
  );

  protected roleLabel(role: Role): string {
    return this.i18n.t(`admin.role.${role}` as MessageKey);
  }

  protected positionName(code: string): string {
    return this.positions().find((p) => p.code === code)?.name ?? code;
  }

  protected load(office: string): void {
    this.loading.set(true);
    this.failed.set(null);
    this.api.office(office).subscribe({
      next: (detail) => this.positions.set(detail.positions),
      error: () => this.positions.set([]),
    });
    this.api.users(office).subscribe({
      next: (users) => {
        this.users.set(users);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.users.set([]);
        this.loading.set(false);
        this.failed.set(this.notifier.describe(e));
      },
    });
  }

  protected startCreate(): void {
    this.form = emptyForm();
    this.edit.open('');
  }

  protected startEdit(user: UserView): void {
    this.form = {
      email: user.email,
      name: user.name,
      password: '',
      roles: [...user.roles],
      positions: [...user.positions],
      active: user.active,
      locale: user.locale,
    };
    this.edit.open(user.id);
  }

  protected cancel(): void {
    this.edit.close();
  }

  protected toggleRole(role: Role, on: boolean): void {
    const roles = this.form.roles.filter((r) => r !== role);
    this.form.roles = on ? [...roles, role] : roles;
  }

  /** Checks what the API would refuse anyway, so the message sits beside the field at once. */
  private validate(creating: boolean): Record<string, string> {
    const errors: Record<string, string> = {};
    if (creating && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.form.email.trim()))
      errors['email'] = this.i18n.t('admin.users.err.email');
    if (!this.form.name.trim()) errors['name'] = this.i18n.t('admin.users.err.name');
    if ((creating || this.form.password) && this.form.password.length < 8)
      errors['password'] = this.i18n.t('admin.users.err.password');
    if (this.form.roles.length === 0) errors['roles'] = this.i18n.t('admin.users.err.roles');
    return errors;
  }

  protected save(): void {
    const id = this.editing();
    if (id === null) return;
    const creating = id === '';
    const errors = this.validate(creating);
    this.errors.set(errors);
    this.formError.set(null);
    if (Object.keys(errors).length) return;
    const office = this.office();
    const request = creating
      ? this.api.createUser({
          email: this.form.email.trim(),
          name: this.form.name.trim(),
          password: this.form.password,
          roles: this.form.roles,
          office,
          positions: this.form.positions,
          locale: this.form.locale,
        } satisfies CreateUserInput)
      : this.api.updateUser(id, {
          name: this.form.name.trim(),
          roles: this.form.roles,
          office,
          positions: this.form.positions,
          active: this.form.active,
          locale: this.form.locale,
          ...(this.form.password ? { password: this.form.password } : {}),
        } satisfies UpdateUserInput);
    this.edit.submit(request, (saved) => this.users.update((list) => upsertById(list, saved)));
  }
}
