import { TestBed } from '@angular/core/testing';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { TextFieldComponent } from './text-field.component';

describe('TextFieldComponent', () => {
  function create(inputs: Record<string, unknown>) {
    resetStorage();
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    const fixture = TestBed.createComponent(TextFieldComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('shows how much of the limit is used before it is reached', () => {
    const { host } = create({
      spec: { label: 'admin.mailboxes.folder', maxlength: 200, test: 'folder' },
      value: 'INBOX/Helpdesk',
    });
    expect(textOf(host, '[data-test=field-count]')).toBe('14/200');
    expect(host.querySelector('input')?.getAttribute('maxlength')).toBe('200');
  });

  it('marks a refused field invalid, with its message beside it', () => {
    const { host } = create({
      spec: { label: 'admin.mailboxes.folder', test: 'folder' },
      error: 'wajib diisi',
      errorTest: 'folder-error',
    });
    expect(host.querySelector('mat-form-field')?.classList).toContain('sg-refused');
    expect(textOf(host, '[data-test=folder-error]')).toBe('wajib diisi');
    expect(host.querySelector('[data-test=field-count]')).toBeNull();
  });

  it('writes several lines in a textarea, with its hint and its count', () => {
    const { host } = create({
      spec: {
        label: 'onboard.office.address',
        rows: 2,
        maxlength: 500,
        hint: 'onboard.office.codeHint',
        test: 'address',
      },
      value: 'Jl. Merdeka 1\nDenpasar',
    });
    const box = host.querySelector<HTMLTextAreaElement>('textarea[data-test=address]')!;
    expect(box.rows).toBe(2);
    expect(box.getAttribute('maxlength')).toBe('500');
    expect(textOf(host, '[data-test=field-count]')).toBe('22/500');
    expect(host.querySelector('mat-hint:not([data-test])')).not.toBeNull();
  });
});
