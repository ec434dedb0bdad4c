/**
 * `main.js backup <folder>` and `main.js restore <folder>` (`npm run backup -- <folder>`,
 * `npm run restore -- <folder>`): the installation is the one the environment names, read by the
 * same configuration class as the server. One line per step on stdout; one line and exit 1 on
 * failure.
 */
import { ConfigError, describeStorage, loadConfigFromProcess } from '@sigap/api-config';
import { backup, restore, SnapshotError } from './snapshot';

export const OPS_COMMANDS = ['backup', 'restore'] as const;

export async function runOpsCommand(command: string, args: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => {
    process.stderr.write(`${command} gagal: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  };
  const folder = args[0];
  if (!folder || args.length > 1) {
    return fail(`pakai: npm run ${command} -- <folder>`);
  }
  let config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) return fail(`konfigurasi tidak valid: ${error.message}`);
    throw error;
  }
  const started = Date.now();
  // Attachments in a bucket are part of the snapshot too (never with credentials in the line).
  const objects =
    config.storage.driver === 's3'
      ? `, lampiran ${describeStorage(config.storage, config.dataDir)}`
      : '';
  try {
    if (command === 'backup') {
      out(
        `mencadangkan ${config.databaseDescription} dan ${config.dataDir}${objects} ke ${folder}`,
      );
      await backup(config, folder, out);
    } else {
      out(`memulihkan ${folder} ke ${config.databaseDescription} dan ${config.dataDir}${objects}`);
      await restore(config, folder, out);
    }
  } catch (error) {
    if (error instanceof SnapshotError) return fail(error.message);
    return fail(error instanceof Error ? error.message : String(error));
  }
  out(`selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
