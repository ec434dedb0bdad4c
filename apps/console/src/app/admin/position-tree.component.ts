import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { PositionView } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { PositionsApi } from './positions.api';

/** One position in the chain of command, with the positions that report to it. */
export interface PositionNode {
  position: PositionView;
  children: PositionNode[];
}

/**
 * The chain of command as a forest: each position under the one it reports to. A position whose
 * parent is not in the list (or that sits in a loop) is shown at the top, so nothing is hidden.
 */
export function positionTree(positions: readonly PositionView[]): PositionNode[] {
  const ids = new Set(positions.map((p) => p.id));
  const roots: PositionNode[] = [];
  const placed = new Set<string>();
  // Walk from each root down; whatever is not reached (a loop) becomes a root of its own.
  const grow = (position: PositionView): PositionNode => {
    placed.add(position.id);
    const node: PositionNode = { position, children: [] };
    for (const p of positions) {
      if (p.reportsToId === position.id && !placed.has(p.id)) node.children.push(grow(p));
    }
    return node;
  };
  for (const p of positions) {
    if (!p.reportsToId || !ids.has(p.reportsToId)) roots.push(grow(p));
  }
  for (const p of positions) {
    if (!placed.has(p.id)) roots.push(grow(p));
  }
  return roots;
}

/** Ids of the position and every position under it (they cannot become its parent). */
export function descendantIds(positions: readonly PositionView[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of positions) {
      if (p.reportsToId && out.has(p.reportsToId) && !out.has(p.id)) {
        out.add(p.id);
        grew = true;
      }
    }
  }
  return out;
}

const POSITION_CODE = /^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/;

/** What the form holds: a new position (`id` null) or an edit. */
interface Draft {
  id: string | null;
  code: string;
  name: string;
  parentCode: string;
}

/**
 * `/admin/jabatan`'s chain of command: the positions as an indented tree, each under the one a
 * late step escalates to; create (at the top or under a position), rename, move and retire.
 */
@Component({
  selector: 'sg-position-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    NgTemplateOutlet,
    TranslatePipe,
  ],
  template: `
    <section class="card chain" aria-labelledby="chain-title" data-test="position-tree">
      <div class="chain-header">
        <h2 id="chain-title">{{ 'onboard.positions.chain' | t }}</h2>
        <span class="spacer"></span>
        @if (canEdit() && !draft()) {
          <button
            mat-flat-button
            type="button"
            (click)="startCreate(null)"
            data-test="new-position"
          >
            {{ 'onboard.positions.new' | t }}
          </button>
        }
      </div>
      <p class="muted">{{ 'onboard.positions.chainIntro' | t }}</p>

      @if (draft(); as d) {
        <form class="form" (ngSubmit)="save()" data-test="position-form" novalidate>
          <h3>{{ (d.id ? 'onboard.positions.edit' : 'onboard.positions.new') | t }}</h3>
          @if (formError(); as error) {
            <p class="form-error" role="alert">{{ error }}</p>
          }
          <div class="grid">
            @if (!d.id) {
              <mat-form-field>
                <mat-label>{{ 'onboard.positions.code' | t }}</mat-label>
                <input
                  matInput
                  name="code"
                  required
                  maxlength="60"
                  autocomplete="off"
                  [ngModel]="d.code"
                  (ngModelChange)="patch({ code: $event })"
                  data-test="position-code"
                />
                @if (errors()['code']; as e) {
                  <mat-hint class="field-error">{{ e }}</mat-hint>
                } @else {
                  <mat-hint>{{ 'onboard.positions.codeHint' | t }}</mat-hint>
                }
              </mat-form-field>
            }
            <mat-form-field>
              <mat-label>{{ 'onboard.positions.name' | t }}</mat-label>
              <input
                matInput
                name="name"
                required
                maxlength="200"
                autocomplete="off"
                [ngModel]="d.name"
                (ngModelChange)="patch({ name: $event })"
                data-test="position-name"
              />
              @if (errors()['name']; as e) {
                <mat-hint class="field-error">{{ e }}</mat-hint>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'onboard.positions.parent' | t }}</mat-label>
              <select
                matNativeControl
                name="parentCode"
                [ngModel]="d.parentCode"
                (ngModelChange)="patch({ parentCode: $event })"
                data-test="position-parent"
              >
                <option value="">{{ 'onboard.positions.top' | t }}</option>
                @for (p of parentChoices(); track p.id) {
                  <option [value]="p.code">{{ p.name }} ({{ p.code }})</option>
                }
              </select>
              @if (errors()['parentCode']; as e) {
                <mat-hint class="field-error">{{ e }}</mat-hint>
              } @else {
                <mat-hint>{{ 'onboard.positions.parentHint' | t }}</mat-hint>
              }
            </mat-form-field>
          </div>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving()" data-test="save-position">
              {{ 'admin.save' | t }}
            </button>
            <button mat-button type="button" (click)="draft.set(null)">
              {{ 'admin.cancel' | t }}
            </button>
          </div>
        </form>
      }

      @if (tree().length) {
        <ul class="tree" [attr.aria-label]="'onboard.positions.chain' | t">
          @for (node of tree(); track node.position.id) {
            <ng-container
              *ngTemplateOutlet="branch; context: { $implicit: node, level: 1, parent: null }"
            />
          }
        </ul>
      } @else {
        <p class="muted" data-test="no-positions">{{ 'agent.positions.none' | t }}</p>
      }

      <ng-template #branch let-node let-level="level" let-parent="parent">
        <li
          [attr.data-level]="level"
          data-test="tree-node"
          [attr.data-code]="node.position.code"
          [attr.data-parent]="parent?.code ?? ''"
        >
          <div class="node">
            <div class="label">
              <span class="name">{{ node.position.name }}</span>
              <span class="muted small">{{ node.position.code }}</span>
              @if (parent) {
                <span class="muted small up">{{
                  'onboard.positions.reportsTo' | t: { name: parent.name }
                }}</span>
              }
              @if (node.position.requesterSide) {
                <span class="tag">{{ 'agent.positions.requesterSide' | t }}</span>
              } @else if (!node.position.holders.length) {
                <span class="vacant small">{{ 'agent.positions.vacant' | t }}</span>
              }
            </div>
            @if (canEdit() && !node.position.requesterSide) {
              @if (confirming() === node.position.id) {
                <span
                  class="confirm"
                  role="group"
                  [attr.aria-label]="
                    'onboard.positions.retireAsk' | t: { name: node.position.name }
                  "
                >
                  <span>{{ 'onboard.positions.retireAsk' | t: { name: node.position.name } }}</span>
                  <button
                    mat-flat-button
                    type="button"
                    class="danger"
                    (click)="retire(node.position)"
                    data-test="confirm-retire-position"
                  >
                    {{ 'onboard.retire.yes' | t }}
                  </button>
                  <button mat-button type="button" (click)="confirming.set(null)">
                    {{ 'admin.cancel' | t }}
                  </button>
                </span>
              } @else {
                <span class="node-actions">
                  <button
                    mat-button
                    type="button"
                    (click)="startCreate(node.position)"
                    data-test="add-child"
                    [attr.aria-label]="
                      ('onboard.positions.addChild' | t) + ': ' + node.position.name
                    "
                  >
                    {{ 'onboard.positions.addChild' | t }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="startEdit(node.position, parent)"
                    data-test="edit-position"
                    [attr.aria-label]="('admin.edit' | t) + ': ' + node.position.name"
                  >
                    {{ 'admin.edit' | t }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="confirming.set(node.position.id)"
                    data-test="retire-position"
                    [attr.aria-label]="('onboard.retire' | t) + ': ' + node.position.name"
                  >
                    {{ 'onboard.retire' | t }}
                  </button>
                </span>
              }
            }
          </div>
          @if (node.children.length) {
            <ul [attr.aria-label]="'onboard.positions.below' | t: { name: node.position.name }">
              @for (child of node.children; track child.position.id) {
                <ng-container
                  *ngTemplateOutlet="
                    branch;
                    context: { $implicit: child, level: level + 1, parent: node.position }
                  "
                />
              }
            </ul>
          }
        </li>
      </ng-template>
    </section>
  `,
  styleUrl: './admin.scss',
  styles: `
    .chain {
      margin-bottom: 16px;
    }
    .chain-header {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .chain-header h2 {
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .tree,
    .tree ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .tree ul {
      margin-left: 10px;
      padding-left: 14px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    .node {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 8px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-surface-variant);
    }
    .label {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .small {
      font-size: 12px;
    }
    .vacant {
      color: var(--mat-sys-error);
    }
    .node-actions {
      --mat-button-text-horizontal-padding: 8px;
    }
    .node-actions,
    .confirm {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }
    .danger {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class PositionTreeComponent {
  private readonly api = inject(PositionsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly office = input.required<string>();
  readonly positions = input.required<PositionView[]>();
  readonly canEdit = input(false);
  /** A position was created, edited or retired: the page reads the list again. */
  readonly changed = output<void>();

  protected readonly tree = computed(() => positionTree(this.positions()));
  protected readonly draft = signal<Draft | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly confirming = signal<string | null>(null);
  /** Positions the drafted one may report to: on the office's side, not itself or below it. */
  protected readonly parentChoices = computed(() => {
    const d = this.draft();
    const all = this.positions();
    const excluded = d?.id ? descendantIds(all, d.id) : new Set<string>();
    return all.filter((p) => !p.requesterSide && !excluded.has(p.id));
  });

  protected startCreate(parent: PositionView | null): void {
    this.errors.set({});
    this.formError.set(null);
    this.draft.set({ id: null, code: '', name: '', parentCode: parent?.code ?? '' });
  }

  protected startEdit(position: PositionView, parent: PositionView | null): void {
    this.errors.set({});
    this.formError.set(null);
    this.draft.set({
      id: position.id,
      code: position.code,
      name: position.name,
      parentCode: parent?.code ?? '',
    });
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => (d ? { ...d, ...change } : d));
  }

  protected save(): void {
    const d = this.draft();
    if (!d) return;
    const errors: Record<string, string> = {};
    const name = d.name.replace(/\s+/g, ' ').trim();
    if (!d.id && !POSITION_CODE.test(d.code))
      errors['code'] = this.i18n.t('onboard.positions.err.code');
    if (name.length < 2 || /[<>]/.test(name))
      errors['name'] = this.i18n.t('onboard.office.err.name');
    this.errors.set(errors);
    this.formError.set(null);
    if (Object.keys(errors).length) return;
    const call = d.id
      ? this.api.update(d.id, { name, parentCode: d.parentCode || null })
      : this.api.create({
          office: this.office(),
          code: d.code,
          name,
          parentCode: d.parentCode || null,
        });
    this.saving.set(true);
    call.subscribe({
      next: () => {
        this.saving.set(false);
        this.draft.set(null);
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
        this.changed.emit();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(problemOf(e)));
        this.formError.set(this.notifier.describe(e));
      },
    });
  }

  protected retire(position: PositionView): void {
    this.confirming.set(null);
    this.api.retire(position.id).subscribe({
      next: () => {
        this.snackBar.open(
          this.i18n.t('onboard.positions.retiredDone', { name: position.name }),
          undefined,
          { duration: 4000 },
        );
        this.changed.emit();
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }
}
