import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';
import { maskLiterals } from '@sigap/api-database';

/** A failed statement is logged with its SQL text, never with its parameter values. */
describeOnBothDatabases('failed SQL statements in the log', (ctx) => {
  it('logs the statement and the error code, not the values', async () => {
    const lines: string[] = [];
    spyOn(Logger.prototype, 'error').and.callFake((message: unknown) => {
      lines.push(String(message));
    });
    const ds = ctx().app.get(DataSource);
    const secret = 'rahasia-ani@dinas.go.id';
    const [admin] = (await ds.query("SELECT id FROM users WHERE email = 'admin@sigap.local'")) as {
      id: string;
    }[];
    // A duplicate key: MariaDB's message itself quotes the value.
    await expectAsync(
      ds.query(
        'INSERT INTO users (id, email, password_hash, name, roles, office_code, locale, active, created_at, updated_at) SELECT ?, email, ?, ?, roles, office_code, locale, active, created_at, updated_at FROM users WHERE id = ?',
        [admin.id, `$2b$12$${secret}`, secret, admin.id],
      ),
    ).toBeRejected();
    await expectAsync(
      ds.query('SELECT * FROM tabel_yang_tidak_ada WHERE email = ?', [secret]),
    ).toBeRejected();

    const logged = lines.filter((l) => l.startsWith('query failed: '));
    expect(logged.length).toBe(2);
    expect(logged[0]).toContain('INSERT INTO users');
    expect(logged[1]).toContain('SELECT * FROM tabel_yang_tidak_ada WHERE email = ?');
    for (const line of logged) {
      expect(line).not.toContain('rahasia');
      expect(line).not.toContain(admin.id);
      expect(line).not.toContain('PARAMETERS');
    }
  });

  it('masks quoted literals in driver messages', () => {
    expect(maskLiterals("Duplicate entry 'ani@x.go.id' for key 'users.email'")).toBe(
      "Duplicate entry '?' for key '?'",
    );
    expect(maskLiterals(`near "it's": syntax error`)).toBe('near "?": syntax error');
  });
});
