import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject, throwError } from 'rxjs';
import { consoleTestProviders, resetStorage } from '../../testing/providers';
import { EditForm } from './edit-form';
import { loadInto, upsertById } from './office-choice';
import { ErrorNotifier } from './problem';

describe('EditForm', () => {
  let snackBar: jasmine.SpyObj<MatSnackBar>;

  function make<E extends object = Record<string, string>>(): EditForm<E> {
    resetStorage();
    snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
    TestBed.configureTestingModule({
      providers: [...consoleTestProviders(), { provide: MatSnackBar, useValue: snackBar }],
    });
    return TestBed.runInInjectionContext(() => new EditForm<E>());
  }

  it('opens without the messages of a refused save before', () => {
    const form = make();
    form.errors.set({ name: 'wajib diisi' });
    form.formError.set('Data tidak valid');
    form.open('opd-1');
    expect(form.editing()).toBe('opd-1');
    expect(form.errors()).toEqual({});
    expect(form.formError()).toBeNull();
    form.close();
    expect(form.editing()).toBeNull();
  });

  it('closes and says "saved" once the save is accepted', () => {
    const form = make();
    form.open('');
    const answer = new Subject<{ id: string }>();
    const saved: { id: string }[] = [];
    form.submit(answer, (value) => saved.push(value));
    expect(form.saving()).toBeTrue();
    answer.next({ id: 'x' });
    answer.complete();
    expect(saved).toEqual([{ id: 'x' }]);
    expect(form.saving()).toBeFalse();
    expect(form.editing()).toBeNull();
    expect(snackBar.open).toHaveBeenCalledWith('Tersimpan', undefined, { duration: 3000 });
  });

  it('stays open with the field messages, shaped by the page, when refused', () => {
    const form = make<{ domains?: string }>();
    form.open('opd-1');
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'body.emailDomains', message: 'bukan domain' }],
      },
    });
    const saved = jasmine.createSpy('saved');
    form.submit(
      throwError(() => refusal),
      saved,
      (fields) => ({ domains: fields['emailDomains'] }),
    );
    expect(saved).not.toHaveBeenCalled();
    expect(form.editing()).toBe('opd-1');
    expect(form.saving()).toBeFalse();
    expect(form.errors()).toEqual({ domains: 'bukan domain' });
    expect(form.formError()).toBe('Data tidak valid');
    expect(snackBar.open).not.toHaveBeenCalled();
  });

  it('brings the first refused field into view and focuses it', async () => {
    const form = make();
    const field = document.createElement('input');
    field.setAttribute('aria-invalid', 'true');
    const other = document.createElement('input');
    document.body.append(other, field);
    other.focus();
    try {
      form.open('');
      const refusal = new HttpErrorResponse({
        status: 400,
        error: {
          title: 'Data tidak valid',
          status: 400,
          errors: [{ path: 'name', message: 'wajib diisi' }],
        },
      });
      form.submit(
        throwError(() => refusal),
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(document.activeElement).toBe(field);
    } finally {
      field.remove();
      other.remove();
    }
  });
});

describe('list helpers', () => {
  it('replaces an item by id, or adds a new one at the end', () => {
    const list = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(upsertById(list, { id: 'b', n: 3 })).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 3 },
    ]);
    expect(upsertById(list, { id: 'c', n: 4 }).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(list[1].n).toBe(2);
  });

  it('keeps loading on until the list comes, and shows a failure', () => {
    const notifier = jasmine.createSpyObj<ErrorNotifier>('ErrorNotifier', ['show']);
    const loading = signal(false);
    const answer = new Subject<string[]>();
    let shown: string[] = [];
    loadInto(answer, (list) => (shown = list), loading, notifier);
    expect(loading()).toBeTrue();
    answer.next(['x']);
    expect(shown).toEqual(['x']);
    expect(loading()).toBeFalse();

    const failure = new Error('down');
    loadInto(
      throwError(() => failure),
      (list) => (shown = list),
      loading,
      notifier,
    );
    expect(loading()).toBeFalse();
    expect(shown).toEqual(['x']);
    expect(notifier.show).toHaveBeenCalledWith(failure);
  });
});
