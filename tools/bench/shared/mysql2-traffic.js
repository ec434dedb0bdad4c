// Statements and bytes a process sends to the database, counted inside mysql2 itself: the
// server's own counters (`Questions`, `Bytes_received`) are server-wide, so any other client of
// a shared server would be counted too. Wraps mysql2's connection methods that queue a command
// and write to the socket; bench-only instrumentation, never loaded by the product. Plain
// JavaScript, so it can be preloaded into the shipped API bundle (see api-child-preload.js).
'use strict';
const { dirname, join } = require('node:path');
// By file path: the package's exports map does not publish this module.
const BaseConnection = require(join(dirname(require.resolve('mysql2')), 'lib/base/connection.js'));

const counts = { statements: 0, bytes: 0 };
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const proto = BaseConnection.prototype;
  const addCommand = proto.addCommand;
  proto.addCommand = function (cmd) {
    const kind = cmd && cmd.constructor && cmd.constructor.name;
    if (kind === 'Query' || kind === 'Execute') counts.statements++;
    return addCommand.call(this, cmd);
  };
  const write = proto.write;
  proto.write = function (buffer) {
    counts.bytes += (buffer && buffer.length) || 0;
    return write.call(this, buffer);
  };
}

/** Starts counting (idempotent) and answers the totals so far. */
function driverTraffic() {
  install();
  return { statements: counts.statements, bytes: counts.bytes };
}

module.exports = { driverTraffic };
