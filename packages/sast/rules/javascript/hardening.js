const helmet = require('helmet');
const { BrowserWindow } = require('electron');

app.use(helmet({
  // ruleid: js.helmet.protection-disabled
  contentSecurityPolicy: false,
  // ruleid: js.helmet.protection-disabled
  frameguard: false,
}));
app.use(helmet({
  // ok: js.helmet.protection-disabled
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } },
  // ok: js.helmet.protection-disabled
  crossOriginEmbedderPolicy: false,
}));
// ok: js.helmet.protection-disabled
const opts = { hsts: false };

const win = new BrowserWindow({
  width: 800,
  webPreferences: {
    // ruleid: js.electron.insecure-web-preferences
    nodeIntegration: true,
    // ruleid: js.electron.insecure-web-preferences
    contextIsolation: false,
    // ruleid: js.electron.insecure-web-preferences
    webSecurity: false,
  },
});
const safeWin = new BrowserWindow({
  webPreferences: {
    // ok: js.electron.insecure-web-preferences
    nodeIntegration: false,
    // ok: js.electron.insecure-web-preferences
    contextIsolation: true,
    preload: path.join(__dirname, 'preload.js'),
  },
});

app.use((err, req, res, next) => {
  // ruleid: js.information-exposure.stack-trace-response
  res.status(500).send(err.stack);
});
app.use((err, req, res, next) => {
  // ruleid: js.information-exposure.stack-trace-response
  res.status(500).json({ message: err.message, stack: err.stack });
});
app.use((err, req, res, next) => {
  logger.error(err.stack);
  // ok: js.information-exposure.stack-trace-response
  res.status(500).json({ message: 'Internal error', id: req.id });
});
app.use((err, req, res, next) => {
  // ok: js.information-exposure.stack-trace-response
  res.status(500).json({ message: err.message, stack: process.env.NODE_ENV === 'development' ? err.stack : undefined });
});
