/** Statements and bytes this process sends to the database (see mysql2-traffic.js). */
const traffic = require('./mysql2-traffic.js') as {
  driverTraffic(): { statements: number; bytes: number };
};

/** Starts counting (idempotent) and answers the totals so far. */
export const driverTraffic = traffic.driverTraffic;
