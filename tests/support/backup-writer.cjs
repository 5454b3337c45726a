// Keeps writing to an encrypted database from another process until killed: the backup tests
// copy the database while this runs. argv: file, keyHex.
const Database = require('better-sqlite3-multiple-ciphers');
const [file, keyHex] = process.argv.slice(2);
const db = new Database(file);
db.pragma(`cipher='sqlcipher'`);
db.pragma('legacy=4');
db.pragma(`key="x'${keyHex}'"`);
db.pragma('busy_timeout=5000');
db.exec('CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO write_probe (payload) VALUES (?)');
const batch = db.transaction((n) => {
  for (let i = 0; i < n; i++) insert.run(`写入-${Date.now()}-${'x'.repeat(200)}`);
});
let written = 0;
for (;;) {
  batch(20);
  written += 20;
  if (written === 200) process.stdout.write('writing\n');
}
