import 'reflect-metadata';
import { ConfigError, loadConfigFromProcess, type AppConfig } from '@sigap/api-config';
import { createApp } from './create-app';
import { StartupService } from './startup.service';
import { OPS_COMMANDS, runOpsCommand } from '@sigap/api-ops';
import { writeApiDocument } from './openapi/write-openapi';

function die(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) die(`Konfigurasi tidak valid: ${error.message}`);
    throw error;
  }

  const app = await createApp(config);
  await app.listen(config.port);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  const lines = [
    '',
    `Sigap siap di ${url}  (API: ${url}/api${config.apiDocs ? `, dokumentasi: ${url}/api/docs` : ''})`,
    `Basis data: ${config.databaseDescription}`,
  ];
  const demo = app.get(StartupService).demoLogins;
  if (demo.length) {
    lines.push(`Akun demo (kata sandi: ${config.demoPassword}):`);
    for (const login of demo) {
      lines.push(
        `  ${login.email.padEnd(42)} ${login.role}${login.office ? ` (${login.office})` : ''}`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

const command = process.argv[2];
if ((OPS_COMMANDS as readonly string[]).includes(command)) {
  runOpsCommand(command, process.argv.slice(3)).then(
    (code) => process.exit(code),
    (error: unknown) =>
      die(`${command} gagal: ${error instanceof Error ? error.message : String(error)}`),
  );
} else if (command === 'openapi') {
  writeApiDocument(process.argv[3]).then(
    (path) => process.stdout.write(`${path}\n`),
    (error: unknown) =>
      die(`openapi gagal: ${error instanceof Error ? error.message : String(error)}`),
  );
} else {
  main().catch((error: unknown) => {
    die(`Sigap gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`);
  });
}
