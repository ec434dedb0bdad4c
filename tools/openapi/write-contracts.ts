/**
 * `npm run openapi:contracts`: writes the contracts' JSON schemas and their name-to-type map
 * (libs/api/common/src/openapi/*.generated.*) from libs/contracts.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  generateContractSchemas,
  renderContractFiles,
  SCHEMAS_FILE,
  TYPES_FILE,
} from '../../libs/api/common/src/openapi/contract-schema-generator';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const generated = generateContractSchemas(root);
  const files = renderContractFiles(generated);
  for (const [file, text] of [
    [SCHEMAS_FILE, files.schemas],
    [TYPES_FILE, files.types],
  ]) {
    const path = join(root, file);
    const options = (await resolveConfig(path)) ?? {};
    writeFileSync(path, await format(text, { ...options, filepath: path }));
    process.stdout.write(`${file}\n`);
  }
  process.stdout.write(`${generated.names.length} contract types\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
