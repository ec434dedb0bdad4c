import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';

const NOT_BUILT = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Sigap</title></head>
<body>
<h1>Sigap API berjalan</h1>
<p>Konsol belum dibangun. Jalankan <code>npx nx build console</code>, lalu muat ulang halaman ini.
API tersedia di <a href="/api/docs">/api/docs</a>.</p>
<p lang="en">The console is not built. Run <code>npx nx build console</code>, then reload.</p>
</body></html>
`;

/**
 * Serves the built console (Angular, `dist/apps/console/browser`) with an SPA fallback: a GET
 * outside `/api` that accepts HTML answers index.html. Without a build, says so plainly.
 */
export function serveConsole(app: INestApplication, consoleDir: string): void {
  const index = join(consoleDir, 'index.html');
  const built = () => existsSync(index) && statSync(index).isFile();
  const files = serveStatic(consoleDir, { index: false, fallthrough: true, maxAge: '1h' });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      /^\/(api(\/|$)|metrics$)/.test(req.path)
    ) {
      return next();
    }
    const fallback = () => {
      if (!req.accepts('html')) return next();
      if (!built()) return res.status(200).type('html').send(NOT_BUILT);
      res.setHeader('Cache-Control', 'no-cache');
      return res.sendFile(index);
    };
    if (!built()) return fallback();
    files(req, res, fallback);
  });
}
