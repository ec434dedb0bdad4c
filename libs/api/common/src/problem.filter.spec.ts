import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendProblem } from './problem.filter';

describe('sendProblem', () => {
  it('logs an unexpected error without query strings, path secrets or quoted database values', () => {
    const logged: string[] = [];
    const logger = { error: (line: string) => logged.push(line) } as unknown as Logger;
    const sent: { status?: number; body?: string } = {};
    const res = {
      headersSent: false,
      setHeader: () => undefined,
      status(code: number) {
        sent.status = code;
        return this;
      },
      type() {
        return this;
      },
      send(body: string) {
        sent.body = body;
        return this;
      },
    } as unknown as Response;
    const req = {
      method: 'POST',
      originalUrl: '/api/v1/portal/track/Zq8v2kLmN0pQrStUvWxYz123456?email=ani@opd.go.id',
    } as unknown as Request;
    const error = new Error(
      "Duplicate entry 'ani@opd.go.id' for key 'uq_contacts_email' near \"rahasia\"",
    );
    sendProblem(error, req, res, logger);
    expect(sent.status).toBe(500);
    expect(logged.length).toBe(1);
    expect(logged[0]).toContain('POST /api/v1/portal/track/:secret');
    expect(logged[0]).toContain('Duplicate entry');
    expect(logged[0]).not.toContain('ani@opd.go.id');
    expect(logged[0]).not.toContain('rahasia');
    expect(logged[0]).not.toContain('Zq8v2kLmN0pQrStUvWxYz123456');
    // The answer names nothing of it either.
    expect(sent.body).not.toContain('ani@opd.go.id');
  });
});
