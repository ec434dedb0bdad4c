/**
 * Statements and bytes this process sends to the database, counted inside mysql2 itself: the
 * server's own counters (`Questions`, `Bytes_received`) are server-wide, so any other client of
 * a shared server would be counted too. Wraps mysql2's connection methods that queue a command
 * and write to the socket; bench-only instrumentation, never loaded by the product.
 */
import { dirname, join } from 'node:path';
// By file path: the package's exports map does not publish this module.
const BaseConnection = require(
  join(dirname(require.resolve('mysql2')), 'lib/base/connection.js'),
) as {
  prototype: {
    addCommand(cmd: { constructor: { name: string } }): unknown;
    write(buffer: Buffer): unknown;
  };
};

const counts = { statements: 0, bytes: 0 };
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const proto = BaseConnection.prototype;
  const addCommand = proto.addCommand;
  proto.addCommand = function (this: unknown, cmd) {
    const kind = cmd?.constructor?.name;
    if (kind === 'Query' || kind === 'Execute') counts.statements++;
    return addCommand.call(this, cmd);
  };
  const write = proto.write;
  proto.write = function (this: unknown, buffer: Buffer) {
    counts.bytes += buffer?.length ?? 0;
    return write.call(this, buffer);
  };
}

/** Starts counting (idempotent) and answers the totals so far. */
export function driverTraffic(): { statements: number; bytes: number } {
  install();
  return { ...counts };
}
