import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { OpdView, TicketDetail } from '@sigap/contracts';
import { ApiAnswers } from './api-answers';
import {
  generateContractSchemas,
  renderContractFiles,
  SCHEMAS_FILE,
  TYPES_FILE,
} from './contract-schema-generator';

const ROOT = resolve(__dirname, '../../../../..');

describe('Contract schemas', () => {
  const generated = generateContractSchemas(ROOT);

  it('are what `npm run openapi:contracts` writes from the contracts today', async () => {
    const files = renderContractFiles(generated);
    for (const [file, text] of [
      [SCHEMAS_FILE, files.schemas],
      [TYPES_FILE, files.types],
    ]) {
      const path = join(ROOT, file);
      const expected = await format(text, {
        ...((await resolveConfig(path)) ?? {}),
        filepath: path,
      });
      expect(readFileSync(path, 'utf8'))
        .withContext(`${file} is stale: run npm run openapi:contracts`)
        .toBe(expected);
    }
  });

  it('mirror an interface: fields, optional ones, nullable ones, unions, references', () => {
    const problem = generated.schemas['Problem'] as Record<string, unknown>;
    expect(problem['required']).toEqual(['type', 'title', 'status', 'code']);
    const summary = generated.schemas['TicketSummary'] as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(summary.properties['status']).toEqual({ $ref: '#/components/schemas/TicketStatus' });
    expect(summary.properties['dueAt']['nullable']).toBeTrue();
    expect(summary.required).toContain('number');
    expect(summary.required).not.toContain('kind');
    expect(generated.schemas['TicketStatus']).toEqual(
      jasmine.objectContaining({
        type: 'string',
        enum: jasmine.arrayContaining(['new', 'closed']),
      }),
    );
  });

  it('name a contract only where the method answers it (checked when compiling)', () => {
    class Routes {
      @ApiAnswers('TicketDetail')
      right(): Promise<TicketDetail> {
        return Promise.reject(new Error('not called'));
      }

      // @ts-expect-error an OPD is not a ticket: the decorator does not compile here
      @ApiAnswers('TicketDetail')
      wrong(): Promise<OpdView> {
        return Promise.reject(new Error('not called'));
      }

      // @ts-expect-error one ticket where the route answers a list
      @ApiAnswers('TicketDetail')
      list(): Promise<TicketDetail[]> {
        return Promise.reject(new Error('not called'));
      }
    }
    expect(Routes).toBeDefined();
  });
});
