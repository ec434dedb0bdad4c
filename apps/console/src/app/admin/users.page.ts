import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ROLES, type OfficeSummary, type Role, type UserView } from '@sigap/contracts';
import type { PositionDefinition } from '@sigap/standards';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
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
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './users.page.html',
  styleUrl: './admin.scss',
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly roles = ROLES;
  protected readonly canEdit = this.auth.isAdmin;
  protected readonly offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  /** Office chosen in the selector; empty until chosen (a manager always sees their own). */
  private readonly chosen = signal(this.auth.user()?.office ?? '');
  /** Office shown: the chosen one, else the first office. */
  protected readonly office = computed(() => this.chosen() || this.offices()[0]?.code || '');
  protected readonly users = signal<UserView[]>([]);
  protected readonly positions = signal<PositionDefinition[]>([]);
  protected readonly loading = signal(false);
  protected readonly failed = signal<string | null>(null);

  /** Null: no form open; '' : creating; an id: editing that user. */
  protected readonly editing = signal<string | null>(null);
  protected form: UserForm = emptyForm();
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);

  /** Office positions (the requester's side excluded) with the users holding each. */
  protected readonly holders = computed(() =>
    this.positions()
      .filter((p) => !p.requesterSide)
      .map((p) => ({
        position: p,
        users: this.users().filter((u) => u.positions.includes(p.code)),
      })),
  );

  constructor() {
    effect(() => {
      const office = this.office();
      if (office) untracked(() => this.load(office));
    });
  }

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

  protected choose(office: string): void {
    this.chosen.set(office);
  }

  protected startCreate(): void {
    this.form = emptyForm();
    this.errors.set({});
    this.formError.set(null);
    this.editing.set('');
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
    this.errors.set({});
    this.formError.set(null);
    this.editing.set(user.id);
  }

  protected cancel(): void {
    this.editing.set(null);
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
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.editing.set(null);
        this.users.update((list) =>
          creating ? [...list, saved] : list.map((u) => (u.id === saved.id ? saved : u)),
        );
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const problem = problemOf(e);
        this.errors.set(fieldErrorsOf(problem));
        this.formError.set(this.notifier.describe(e));
      },
    });
  }
}
