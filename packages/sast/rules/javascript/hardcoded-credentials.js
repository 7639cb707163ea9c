const mysql = require('mysql2');
const { Pool } = require('pg');
const mongoose = require('mongoose');
const { Sequelize } = require('sequelize');

// ruleid: js.hardcoded-credentials.connection-string
mongoose.connect('mongodb://admin:S3cretPass!@db.internal:27017/app');
// ruleid: js.hardcoded-credentials.connection-string
const redisUrl = "redis://default:pr0dRedisKey@cache:6379";
// ok: js.hardcoded-credentials.connection-string
mongoose.connect(process.env.MONGO_URL);
// ok: js.hardcoded-credentials.connection-string
const example = 'postgres://user:password@localhost:5432/db';
// ok: js.hardcoded-credentials.connection-string
const url = `postgres://${user}:${pass}@${host}/app`;
// ok: js.hardcoded-credentials.connection-string
const web = 'https://user:token@example.com/';

const conn = mysql.createConnection({
  host: 'db',
  user: 'app',
  // ruleid: js.hardcoded-credentials.database-password
  password: 'Tr0ub4dor&3',
});
const pool = new Pool({
  user: 'app',
  // ok: js.hardcoded-credentials.database-password
  password: process.env.PGPASSWORD,
});
// ruleid: js.hardcoded-credentials.database-password
const sequelize = new Sequelize('app', 'root', 'hunter2hunter2', { dialect: 'mysql' });
// ok: js.hardcoded-credentials.database-password
const sequelize2 = new Sequelize('app', 'root', process.env.DB_PASS, { dialect: 'mysql' });
// ok: js.hardcoded-credentials.database-password
const form = { username: 'demo', password: 'Tr0ub4dor&3' };
