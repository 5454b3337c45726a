// Electron's process.parentPort for a child_process.fork child standing in for a utility process
// (electron-standin.cjs). As a utility process ends with Electron main, this one ends with its parent.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, (data) => listener({ data, ports: [] })),
};
process.on('disconnect', () => process.exit(1));
