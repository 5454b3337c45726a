module.exports = require('better-sqlite3-multiple-ciphers');
