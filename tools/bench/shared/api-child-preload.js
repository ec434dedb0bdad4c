// Preloaded (`node -r`) into the shipped API bundle when a bench runs it as a child process:
// counts the API's database traffic and, on request over the IPC channel, answers the counts or
// runs the CPU profiler in the API's own process. Bench-only; the product never loads it.
'use strict';
const { Session } = require('node:inspector');
const { driverTraffic } = require('./mysql2-traffic.js');

driverTraffic();
let session = null;
const post = (method) =>
  new Promise((resolve, reject) =>
    session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
  );

process.on('message', (message) => {
  if (!message || typeof message.bench !== 'string') return;
  const answer = (body) => process.send({ bench: message.bench, id: message.id, ...body });
  const fail = (error) => answer({ error: String((error && error.message) || error) });
  if (message.bench === 'traffic') answer({ traffic: driverTraffic() });
  else if (message.bench === 'profile-start') {
    session = new Session();
    session.connect();
    post('Profiler.enable')
      .then(() => post('Profiler.start'))
      .then(() => answer({}), fail);
  } else if (message.bench === 'profile-stop') {
    post('Profiler.stop').then(({ profile }) => {
      session.disconnect();
      session = null;
      answer({ profile });
    }, fail);
  }
});
// The IPC channel must not keep the API alive on its own, nor end it when the bench goes.
if (process.channel) process.channel.unref();
