// A stand-in for the `electron` module, loaded with `node -r` into the bundled Electron main (the
// Electron binary cannot be had here). It is driven by the test over this process's IPC channel:
// 'invoke' plays the renderer calling the call channel, 'quit' quits the app, 'kill-next-call'
// kills the server process just after main relays the next call to it, 'navigate' plays a page
// trying to leave, 'close-window' the user closing a window, 'second-instance' a second start. utilityProcess.fork is
// child_process.fork with parent-port.cjs giving the child Electron's process.parentPort.
// The environment sets what Electron would answer: STANDIN_PACKAGED (app.isPackaged),
// STANDIN_LOCK_HELD (another instance holds the single-instance lock), STANDIN_KEYCHAIN
// ('available', 'unavailable', or 'basic_text': Linux without a keyring).
const Module = require('node:module');
const { fork } = require('node:child_process');
const { EventEmitter } = require('node:events');
const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');
const { join } = require('node:path');
const http = require('node:http');
const https = require('node:https');
const { pathToFileURL } = require('node:url');

const tell = (message) => process.send(message);
const handlers = new Map();
/** Every window main made, for the test to see what each shows and with which preload. */
const windows = [];
let verifyProc = null;
/** session.fromPartition's sessions by name, one each as in Electron. */
const partitions = new Map();
/** The button the next message box "clicks" (STANDIN_DIALOG_CHOICE, else the cancel button). */
const dialogChoice = (options) => Number(process.env.STANDIN_DIALOG_CHOICE ?? options.cancelId ?? 0);
let killNextCall = false;
let allClosed = false;
let server = null;

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: process.env.STANDIN_PACKAGED === '1',
  getAppPath: () => process.env.STANDIN_APP_PATH,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`the stand-in knows no path ${name}`);
    return process.env.STANDIN_USER_DATA;
  },
  requestSingleInstanceLock: () => process.env.STANDIN_LOCK_HELD !== '1',
  getVersion: () => process.env.STANDIN_APP_VERSION ?? require(join(process.env.STANDIN_APP_PATH, 'package.json')).version,
  getName: () => 'Archive Desk',
  relaunch: () => tell({ kind: 'relaunch' }),
  exit: (code) => process.exit(code),
  whenReady: () => Promise.resolve(),
  quit() {
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    app.emit('will-quit', { preventDefault: () => undefined });
    // As Electron: 'quit' with the exit code, last (electron-updater installs an update here).
    app.emit('quit', {}, 0);
    tell({ kind: 'quitting', windows: windows.map(described) });
    process.exit(0);
  },
});

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.url = null;
    // Chromium's PDF of the page: here a marker and the page's HTML, for the test to recognise.
    const printToPDF = async () => Buffer.concat([Buffer.from('%PDF-standin\n'), Buffer.from(this.url.split('base64,')[1], 'base64')]);
    // What main sends the page (the live updates) is told to the test.
    const send = (channel, ...args) => tell({ kind: 'sent', channel, args });
    this.windowOpenHandler = null;
    const setWindowOpenHandler = (handler) => (this.windowOpenHandler = handler);
    this.webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler, toggleDevTools: () => undefined, printToPDF, send });
    this.minimized = false;
    this.calls = [];
    windows.push(this);
    // As Electron does for every page's contents: main's hardening hooks in here.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(file) {
    // Chromium's spelling of the page's address: spaces and Chinese percent-encoded.
    this.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  show() {}
  focus() {
    this.calls.push('focus');
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
    // As Electron: once no window is left (a hidden one counts), the app hears it once.
    if (!allClosed && windows.every((w) => w.destroyed)) {
      allClosed = true;
      app.emit('window-all-closed');
    }
  }
}

/** A session; the default one's certificate check is the one the test's 'verify' asks. */
const fakeSession = (isDefault = false) => {
  const made = {
    verifyProc: null,
    setCertificateVerifyProc: (proc) => {
      made.verifyProc = proc;
      if (isDefault) verifyProc = proc;
    },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
  };
  return made;
};

/** What the test sees of a window: what it shows, how it was made, what was done to it. */
function described(w) {
  const { session, ...webPreferences } = w.options?.webPreferences ?? {};
  return {
    url: w.url,
    preload: webPreferences.preload ?? null,
    destroyed: w.destroyed,
    show: w.options?.show ?? true,
    webPreferences,
    ownSession: session !== undefined,
    calls: w.calls,
  };
}

/** A page of `win` tries `event` (will-navigate…): whether main's handler refused it. */
function refused(win, event, ...args) {
  let prevented = false;
  win.webContents.emit(event, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

// The OS keychain: a key that outlives one run of main (the test passes the same one to the next run).
const keychainKey = Buffer.from(process.env.STANDIN_KEYCHAIN_KEY, 'hex');
const keychain = process.env.STANDIN_KEYCHAIN ?? 'available';
const safeStorage = {
  // 'basic_text' is Electron's answer on Linux without a keyring: "available", with a hard-coded key.
  isEncryptionAvailable: () => keychain !== 'unavailable',
  getSelectedStorageBackend: () => (keychain === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
  encryptString(text) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keychainKey, iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  },
  decryptString(blob) {
    const decipher = createDecipheriv('aes-256-gcm', keychainKey, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  },
};

const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    const child = fork(modulePath, args, {
      execArgv: ['-r', join(__dirname, 'parent-port.cjs')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const proc = new EventEmitter();
    proc.pid = child.pid;
    proc.serviceName = options.serviceName;
    proc.postMessage = (message) => {
      if (!child.connected) return;
      child.send(message);
      if (killNextCall && message.kind === 'call') {
        killNextCall = false;
        child.kill('SIGKILL');
      }
    };
    proc.kill = () => child.kill();
    child.on('message', (message) => proc.emit('message', message));
    child.on('exit', (code) => {
      proc.pid = undefined;
      proc.emit('exit', code ?? 1);
    });
    server = proc;
    tell({ kind: 'forked', pid: child.pid });
    return proc;
  },
};

/**
 * Electron's `net` (Chromium's network stack), which electron-updater downloads with: here Node's
 * http/https behind the same ClientRequest events (response, error, abort). An https request is
 * judged by the session's certificate check, as Chromium does when one is set.
 */
const net = {
  request(options) {
    const { session: requestSession, redirect: _redirect, ...rest } = options;
    const secure = rest.protocol === 'https:';
    const req = (secure ? https : http).request({ ...rest, ...(secure ? { rejectUnauthorized: false } : {}) });
    if (secure) {
      req.on('socket', (socket) =>
        socket.once('secureConnect', () => {
          const proc = requestSession?.verifyProc;
          const pem = socket.getPeerX509Certificate()?.toString();
          if (!proc) return socket.authorized ? undefined : req.destroy(new Error('net::ERR_CERT_AUTHORITY_INVALID'));
          proc({ hostname: rest.hostname, certificate: { data: pem } }, (verdict) => {
            if (verdict !== 0) req.destroy(new Error('net::ERR_CERT_INVALID'));
          });
        }),
      );
    }
    return req;
  },
};

const electron = {
  app,
  net,
  // electron-updater emits 'before-quit-for-update' on Electron's own autoUpdater before it quits.
  autoUpdater: new EventEmitter(),
  BrowserWindow,
  session: { defaultSession: fakeSession(true), fromPartition: (name) => partitions.get(name) ?? partitions.set(name, fakeSession()).get(name) },
  ipcMain: {
    handle(channel, handler) {
      handlers.set(channel, handler);
      tell({ kind: 'handle', channel });
    },
  },
  safeStorage,
  utilityProcess,
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => tell({ kind: 'menu', labels: menu.template.map((m) => m.label) }) },
  dialog: {
    showMessageBoxSync(_win, options) {
      tell({ kind: 'dialog', message: options.message, detail: options.detail });
      return dialogChoice(options);
    },
  },
};

// Electron's process.resourcesPath: where a packaged app's app-update.yml lies (electron-builder puts it there).
if (process.env.STANDIN_RESOURCES_PATH) process.resourcesPath = process.env.STANDIN_RESOURCES_PATH;

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

process.on('message', async (message) => {
  if (message.kind === 'invoke') {
    const handler = handlers.get(message.channel);
    const result = handler ? await handler({ senderFrame: { url: message.url } }, ...message.args) : { noHandler: message.channel };
    tell({ kind: 'invoked', id: message.id, result });
  } else if (message.kind === 'quit') app.quit();
  else if (message.kind === 'kill-next-call') killNextCall = true;
  else if (message.kind === 'server-pid') tell({ kind: 'server-pid', pid: server?.pid ?? null });
  else if (message.kind === 'windows') tell({ kind: 'windows', windows: windows.map(described) });
  else if (message.kind === 'navigate') {
    const win = windows[message.window];
    tell({
      kind: 'navigated',
      refused: {
        navigate: refused(win, 'will-navigate', message.url),
        redirect: refused(win, 'will-redirect', message.url),
        webview: refused(win, 'will-attach-webview', {}, { src: message.url }),
      },
      windowOpen: win.windowOpenHandler ? win.windowOpenHandler({ url: message.url }).action : null,
    });
  } else if (message.kind === 'close-window') windows[message.window].destroy();
  else if (message.kind === 'second-instance') {
    // The window the user had minimized; a second start must bring it back.
    windows[message.window].minimized = true;
    app.emit('second-instance', {}, ['archive-desk'], process.cwd());
    tell({ kind: 'second-instance-handled' });
  } else if (message.kind === 'verify') {
    if (!verifyProc) return tell({ kind: 'verified', verdict: null });
    verifyProc({ hostname: message.hostname, certificate: { data: message.pem } }, (verdict) => tell({ kind: 'verified', verdict }));
  } else if (message.kind === 'fail-load') {
    const win = windows.filter((w) => !w.destroyed).at(-1);
    win?.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', win.url, true);
  }
});
