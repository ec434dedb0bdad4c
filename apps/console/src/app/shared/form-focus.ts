/**
 * What marks a field as refused: Material's invalid state, a field the server refused
 * (`sg-refused`, set by `sg-text-field`) or `aria-invalid`.
 */
const INVALID = [
  '.sg-refused input',
  '.sg-refused textarea',
  '.mat-form-field-invalid input',
  '.mat-form-field-invalid textarea',
  '.mat-form-field-invalid mat-select',
  'input[aria-invalid="true"]',
  'textarea[aria-invalid="true"]',
  'mat-select[aria-invalid="true"]',
].join(', ');

/**
 * Brings the first refused field under `root` into view and puts the cursor in it, so a user on
 * a long form (or a phone) sees what to fix instead of a button that "did nothing". Runs after
 * the next paint, once the error state has been rendered. Resolves to the field, if any.
 */
export function focusFirstInvalid(root: ParentNode = document): Promise<HTMLElement | null> {
  return new Promise((resolve) =>
    setTimeout(() => {
      const field = root.querySelector<HTMLElement>(INVALID);
      if (field) {
        field.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
        field.focus({ preventScroll: true });
      }
      resolve(field);
    }),
  );
}

/** `120/200`: how much of a field's limit is used, shown before the limit is reached. */
export function lengthCount(value: string | null | undefined, max: number): string {
  return `${(value ?? '').length}/${max}`;
}
